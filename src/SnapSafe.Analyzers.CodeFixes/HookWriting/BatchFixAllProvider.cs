using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// Fix All for every SnapSafe fix: the diagnostics of the scope go through the fix's own batch edit in one pass, so
    /// re-initializations of one type merge into one hook, registrations that move to one constructor make one edit,
    /// and pool clearings and awaits of one hook body make one rewrite, instead of conflicting document snapshots.
    /// </summary>
    internal sealed class BatchFixAllProvider : FixAllProvider
    {
        private readonly HookCodeFix _fix;

        public BatchFixAllProvider(HookCodeFix fix)
        {
            _fix = fix;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // No key: a host (dotnet format) that asked for the key with a finding the fix declines; the batch decides per finding.
            if (fixAllContext.CodeActionEquivalenceKey != null && fixAllContext.CodeActionEquivalenceKey != _fix.Key)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            var scope = fixAllContext.Scope switch
            {
                FixAllScope.Document => "document",
                FixAllScope.Project => "project",
                _ => "solution",
            };

            return Task.FromResult<CodeAction?>(CodeAction.Create(
                _fix.FixAllTitle + " in " + scope,
                cancellationToken => FixAsync(fixAllContext, cancellationToken),
                _fix.Key));
        }

        private async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
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
                    if (_fix.FixableDiagnosticIds.Contains(diagnostic.Id))
                    {
                        items.Add((document, diagnostic));
                    }
                }
            }

            return await _fix.ApplyAsync(new FixSession(context.Solution, cancellationToken), items).ConfigureAwait(false);
        }
    }
}
