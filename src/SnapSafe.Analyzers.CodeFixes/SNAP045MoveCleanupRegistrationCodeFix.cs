using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP045: moves a before-snapshot cleanup registration above the registration of the priming hook it should
    /// follow (before-snapshot hooks run in reverse order), when both are statements of the same block. Fix All moves
    /// every cleanup of a block, keeping their order.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP045MoveCleanupRegistrationCodeFix)), Shared]
    public sealed class SNAP045MoveCleanupRegistrationCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.MoveCleanupBeforePriming";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CleanupBeforePriming);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => MoveAsync(document, diagnostics, context.CancellationToken)!);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root != null && Statements(root, diagnostic) != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Register the cleanup before the priming hook",
                            cancellationToken => MoveAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken)!,
                            EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The cleanup registration statement and the priming registration statement it must precede, in one block.</summary>
        private static (StatementSyntax Cleanup, StatementSyntax Priming)? Statements(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var cleanup = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
            var priming = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
            if (cleanup == null || priming == null || cleanup.Parent is not BlockSyntax block || priming.Parent != block
                || cleanup.SpanStart <= priming.SpanStart)
            {
                return null;
            }

            return (cleanup, priming);
        }

        private static async Task<Document?> MoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            // Group the moves by the priming statement they go before, keeping the cleanups in source order.
            var moves = new Dictionary<StatementSyntax, List<StatementSyntax>>();
            foreach (var diagnostic in diagnostics)
            {
                if (Statements(root, diagnostic) is { } pair)
                {
                    if (!moves.TryGetValue(pair.Priming, out var list))
                    {
                        list = new List<StatementSyntax>();
                        moves.Add(pair.Priming, list);
                    }

                    if (!list.Contains(pair.Cleanup))
                    {
                        list.Add(pair.Cleanup);
                    }
                }
            }

            if (moves.Count == 0)
            {
                return document;
            }

            var cleanups = moves.Values.SelectMany(list => list).ToList();
            var tracked = root.TrackNodes(cleanups.Concat(moves.Keys));
            foreach (var move in moves)
            {
                var priming = tracked.GetCurrentNode(move.Key)!;
                var moved = move.Value.OrderBy(statement => statement.SpanStart)
                    .Select(statement => statement.WithLeadingTrivia(priming.GetLeadingTrivia()))
                    .ToList();
                tracked = tracked.RemoveNodes(move.Value.Select(statement => tracked.GetCurrentNode(statement)!), SyntaxRemoveOptions.KeepNoTrivia)!;
                tracked = tracked.InsertNodesBefore(tracked.GetCurrentNode(move.Key)!, moved);
            }

            return document.WithSyntaxRoot(tracked);
        }
    }
}
