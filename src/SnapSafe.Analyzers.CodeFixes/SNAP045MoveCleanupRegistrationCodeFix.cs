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
using Microsoft.CodeAnalysis.Formatting;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP045: moves a before-snapshot cleanup registration above the registration of the priming hook it should
    /// follow (before-snapshot hooks run in reverse order), when both are statements of the same block; Fix All moves
    /// every cleanup of a block, keeping their order. In an ASP.NET Core function, where the base constructor registers
    /// the warm-up before the entry point's constructor body runs, it moves the registration into <c>Startup.Configure</c>
    /// (which runs while the host is built, before that).
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
                if (diagnostic.Properties.TryGetValue(SNAP045CleanupBeforePriming.MoveToProperty, out var moveTo) && moveTo == "StartupConfigure")
                {
                    if (FixRequest.Read(diagnostic.Properties).RuleFixApplies)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                "Register the cleanup in Startup.Configure",
                                cancellationToken => MoveToConfigureAsync(context.Document, diagnostic, cancellationToken),
                                EquivalenceKey + ".Configure"),
                            diagnostic);
                    }

                    continue;
                }

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

        /// <summary>Moves the registration statement to the start of <c>Startup.Configure</c> (the diagnostic's further location).</summary>
        private static async Task<Solution> MoveToConfigureAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var solution = document.Project.Solution;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var target = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : null;
            var statement = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
            if (root == null || target?.SourceTree == null || statement == null)
            {
                return solution;
            }

            var targetDocument = solution.GetDocument(target.SourceTree);
            if (targetDocument == null)
            {
                return solution;
            }

            var moved = statement.WithoutLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation);
            if (targetDocument.Id == document.Id)
            {
                var block = root.FindNode(target.SourceSpan);
                var tracked = root.TrackNodes(statement, block);
                tracked = tracked.RemoveNode(tracked.GetCurrentNode(statement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
                if (tracked.GetCurrentNode(block) is not BlockSyntax current)
                {
                    return solution;
                }

                var edited = document.WithSyntaxRoot(tracked.ReplaceNode(current, current.WithStatements(current.Statements.Insert(0, moved))));
                edited = await Formatter.FormatAsync(edited, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                return edited.Project.Solution;
            }

            var targetRoot = await targetDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (targetRoot?.FindNode(target.SourceSpan) is not BlockSyntax configure)
            {
                return solution;
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)!);
            var newTarget = targetDocument.WithSyntaxRoot(targetRoot.ReplaceNode(configure, configure.WithStatements(configure.Statements.Insert(0, moved))));
            newTarget = await Formatter.FormatAsync(newTarget, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return solution.WithDocumentSyntaxRoot(targetDocument.Id, (await newTarget.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
        }

        /// <summary>The cleanup registration statement and the priming registration statement it must precede, in one block.</summary>
        private static (StatementSyntax Cleanup, StatementSyntax Priming)? Statements(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.Properties.ContainsKey(SNAP045CleanupBeforePriming.MoveToProperty)
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

            // Moves into Startup.Configure in this document (Fix All: a document at a time).
            var intoConfigure = new List<(StatementSyntax Statement, BlockSyntax Configure)>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(SNAP045CleanupBeforePriming.MoveToProperty, out var moveTo) && moveTo == "StartupConfigure"
                    && diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                    && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } statement
                    && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan) is BlockSyntax configure)
                {
                    intoConfigure.Add((statement, configure));
                }
            }

            if (intoConfigure.Count > 0)
            {
                var tracking = root.TrackNodes(intoConfigure.Select(m => (SyntaxNode)m.Statement).Concat(intoConfigure.Select(m => m.Configure)));
                foreach (var (statement, configure) in intoConfigure)
                {
                    tracking = tracking.RemoveNode(tracking.GetCurrentNode(statement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
                    var block = tracking.GetCurrentNode(configure)!;
                    var moved = statement.WithoutLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation);
                    tracking = tracking.ReplaceNode(block, block.WithStatements(block.Statements.Insert(0, moved)));
                }

                return await Formatter.FormatAsync(document.WithSyntaxRoot(tracking), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
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
