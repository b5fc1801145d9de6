using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;
using SnapSafe.Analyzers.CodeFixes.Hooks;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP040: moves a hook registration the runtime never runs into init: the end of the handler type's
    /// constructors (a new constructor when it has none; the static constructor for a static method, or for a type
    /// with a primary constructor when the hook uses no instance member), or right before the statement that starts
    /// the runtime in top-level code and <c>Main</c>. Offered only when the registration is a whole statement of its
    /// method or lambda body (not conditional) and its hook uses no local or parameter of the code around it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HookRegistrationCodeFixProvider)), Shared]
    public sealed class HookRegistrationCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.MoveHookRegistrationIntoInit";

        private static readonly HookFixAllProvider FixAll = new HookFixAllProvider(
            EquivalenceKey, "Move hook registrations into init", IsCandidate, ApplyAsync);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HookRegisteredTooLate);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!IsCandidate(diagnostic))
                {
                    continue;
                }

                var session = new FixSession(document.Project.Solution, context.CancellationToken);
                if (await MoveAsync(document, diagnostic, session).ConfigureAwait(false) is not { } move)
                {
                    continue;
                }

                var where = move.Sites[0].Kind == HookSiteKind.EntryPoint ? "before the runtime starts"
                    : move.Sites[0].IsStatic ? "into the static constructor" : "into the constructor";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Move the registration " + where,
                        cancellationToken => ApplyAsync(document.Project.Solution, new[] { (document, diagnostic) }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool IsCandidate(Diagnostic diagnostic)
            => diagnostic.Id == DiagnosticIds.HookRegisteredTooLate
                && diagnostic.Properties.TryGetValue(FixProperties.Fixable, out var fixable) && fixable == "true"
                && diagnostic.Properties.TryGetValue(FixProperties.Host, out var host) && InitSites.IsHost(host);

        private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken)
        {
            var session = new FixSession(solution, cancellationToken);
            var moves = new List<Move>();
            var seen = new HashSet<SyntaxNode>();
            foreach (var (document, diagnostic) in diagnostics)
            {
                if (await MoveAsync(document, diagnostic, session).ConfigureAwait(false) is { } move && seen.Add(move.Statement))
                {
                    moves.Add(move);
                }
            }

            if (moves.Count == 0)
            {
                return solution;
            }

            var editor = new SolutionEditor(solution);
            var touched = new HashSet<DocumentId>();
            var edits = new Dictionary<(HookSiteKind, DocumentId, int, bool), (HookSite Site, List<StatementSyntax> Statements)>();
            foreach (var move in moves.OrderBy(m => m.Document.FilePath ?? m.Document.Name, System.StringComparer.Ordinal).ThenBy(m => m.Statement.SpanStart))
            {
                var documentEditor = await editor.GetDocumentEditorAsync(move.Document.Id, cancellationToken).ConfigureAwait(false);
                documentEditor.RemoveNode(move.Removed, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                touched.Add(move.Document.Id);
                foreach (var site in move.Sites)
                {
                    if (!edits.TryGetValue(site.Key, out var edit))
                    {
                        edit = (site, new List<StatementSyntax>());
                        edits.Add(site.Key, edit);
                    }

                    edit.Statements.Add(Dedented(move.Statement));
                    touched.Add(site.Document.Id);
                }
            }

            await InitSites.AppendAsync(editor, edits.Values, session).ConfigureAwait(false);
            var changed = editor.GetChangedSolution();
            foreach (var id in touched)
            {
                if (changed.GetDocument(id) is { } document)
                {
                    changed = (await AfterRestoreHook.CleanUpAsync(document, cancellationToken).ConfigureAwait(false)).Project.Solution;
                }
            }

            return changed;
        }

        private static async Task<Move?> MoveAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !IsCandidate(diagnostic) || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } invocation
                || invocation.Span != diagnostic.Location.SourceSpan
                || invocation.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }

            // A whole, unconditional statement of a body (or of top-level code): moving it does not change what else runs.
            SyntaxNode removed;
            if (statement.Parent is GlobalStatementSyntax global)
            {
                removed = global;
            }
            else if (statement.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax })
            {
                removed = statement;
            }
            else
            {
                return null;
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            if (HookTypes.From(model.Compilation) == null)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(FixProperties.Host, out var host);
            ImmutableArray<HookSite> sites;
            if (host == HookHosts.EntryPoint)
            {
                var site = InitSites.OfEntryPoint(document, root, diagnostic);
                sites = site == null ? default : ImmutableArray.Create(site);
            }
            else
            {
                var type = model.GetEnclosingSymbol(statement.SpanStart, cancellationToken)?.ContainingType;
                if (type == null)
                {
                    return null;
                }

                var isStatic = host == HookHosts.StaticConstructor;
                if (!isStatic && InitSites.HasPrimaryConstructor(type) && !UsesInstance(model, invocation.ArgumentList.Arguments[0].Expression, cancellationToken))
                {
                    // A constructor added next to a primary constructor would have to chain to it: the static one runs during init too.
                    isStatic = true;
                }

                sites = InitSites.OfType(type, isStatic, session);
            }

            if (sites.IsDefaultOrEmpty)
            {
                return null;
            }

            foreach (var site in sites)
            {
                var siteModel = await session.ModelAsync(site.Document).ConfigureAwait(false);
                if (!NameScope.Binds(model, statement, siteModel, site.NewHookPosition, cancellationToken))
                {
                    return null;
                }
            }

            return new Move(document, statement, removed, sites);
        }

        /// <summary>
        /// The statement with its own line's indentation taken off every line: the formatter indents the statement
        /// at its new place and keeps the lines of a lambda block where they are relative to it.
        /// </summary>
        private static StatementSyntax Dedented(ExpressionStatementSyntax statement)
        {
            var indentation = HookTarget.IndentationOfLine(statement);
            var lines = statement.WithoutTrivia().ToFullString().Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                if (indentation.Length > 0 && lines[i].StartsWith(indentation, System.StringComparison.Ordinal))
                {
                    lines[i] = lines[i].Substring(indentation.Length);
                }
            }

            var parsed = SyntaxFactory.ParseStatement(string.Join("\n", lines));
            return parsed.ContainsDiagnostics
                ? statement.WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation)
                : parsed.WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static bool UsesInstance(SemanticModel model, ExpressionSyntax hook, CancellationToken cancellationToken)
            => model.GetOperation(hook, cancellationToken) is not { } operation
                || operation.DescendantsAndSelf().Any(o => o is IInstanceReferenceOperation);

        private sealed class Move
        {
            public Move(Document document, ExpressionStatementSyntax statement, SyntaxNode removed, ImmutableArray<HookSite> sites)
            {
                Document = document;
                Statement = statement;
                Removed = removed;
                Sites = sites;
            }

            public Document Document { get; }

            public ExpressionStatementSyntax Statement { get; }

            public SyntaxNode Removed { get; }

            public ImmutableArray<HookSite> Sites { get; }
        }
    }
}
