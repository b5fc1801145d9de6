using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// Fix All for <see cref="AfterRestoreCodeFixProvider"/>: every finding of the scope in one pass, so each type
    /// (and each entry point) gets one after-restore hook holding all its re-initializations in source order.
    /// </summary>
    internal sealed class AfterRestoreFixAllProvider : FixAllProvider
    {
        public static readonly AfterRestoreFixAllProvider Instance = new AfterRestoreFixAllProvider();

        private AfterRestoreFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != AfterRestoreCodeFixProvider.EquivalenceKey)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            var title = fixAllContext.Scope switch
            {
                FixAllScope.Document => "Re-initialize kept state in after-restore hooks in document",
                FixAllScope.Project => "Re-initialize kept state in after-restore hooks in project",
                _ => "Re-initialize kept state in after-restore hooks in solution",
            };

            return Task.FromResult<CodeAction?>(CodeAction.Create(
                title,
                cancellationToken => FixAsync(fixAllContext, cancellationToken),
                AfterRestoreCodeFixProvider.EquivalenceKey));
        }

        private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            IEnumerable<Document> documents = context.Scope switch
            {
                FixAllScope.Document => context.Document != null ? new[] { context.Document } : Enumerable.Empty<Document>(),
                FixAllScope.Project => context.Project.Documents,
                _ => context.Solution.Projects.Where(p => p.Language == context.Project.Language).SelectMany(p => p.Documents),
            };

            var items = new List<(Document, Diagnostic)>();
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    if (AfterRestoreHook.IsCandidate(diagnostic) && AfterRestoreHook.Retarget(document, diagnostic) is { } target)
                    {
                        items.Add(target);
                    }
                }
            }

            return await AfterRestoreHook.ApplyAsync(context.Solution, items, cancellationToken).ConfigureAwait(false);
        }
    }
}
