using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SnapSafe.Analyzers.CodeFixes.Hooks
{
    /// <summary>
    /// Fix All for the hook fixes: every candidate finding of the scope goes through the fix's own batch edit in one
    /// pass, so registrations that move to one constructor, pool clearings of one type and awaits of one hook body
    /// make one coherent edit instead of conflicting document snapshots.
    /// </summary>
    internal sealed class HookFixAllProvider : FixAllProvider
    {
        private readonly string _equivalenceKey;
        private readonly string _title;
        private readonly Func<Diagnostic, bool> _isCandidate;
        private readonly Func<Solution, IReadOnlyList<(Document Document, Diagnostic Diagnostic)>, CancellationToken, Task<Solution>> _apply;

        public HookFixAllProvider(
            string equivalenceKey,
            string title,
            Func<Diagnostic, bool> isCandidate,
            Func<Solution, IReadOnlyList<(Document Document, Diagnostic Diagnostic)>, CancellationToken, Task<Solution>> apply)
        {
            _equivalenceKey = equivalenceKey;
            _title = title;
            _isCandidate = isCandidate;
            _apply = apply;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != _equivalenceKey)
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
                _title + " in " + scope,
                cancellationToken => FixAsync(fixAllContext, cancellationToken),
                _equivalenceKey));
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
                    if (_isCandidate(diagnostic))
                    {
                        items.Add((document, diagnostic));
                    }
                }
            }

            return await _apply(context.Solution, items, cancellationToken).ConfigureAwait(false);
        }
    }
}
