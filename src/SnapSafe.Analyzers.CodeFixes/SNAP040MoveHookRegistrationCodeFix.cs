using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP040: moves a hook registration the runtime never runs into init: the end of the handler type's
    /// constructors (a new constructor when it has none, the converted primary constructor; the static constructor
    /// for a static method, or for a type with a primary constructor when the hook uses no instance member), right
    /// before the statement that starts the runtime in top-level code and <c>Main</c> (from a handler method or an
    /// endpoint lambda), or, for a registration made inside another hook, right after the registration of that hook.
    /// Offered only when the registration is a whole statement of its method or lambda body (not conditional) and its
    /// hook uses no local or parameter of the code around it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP040MoveHookRegistrationCodeFix)), Shared]
    public sealed class SNAP040MoveHookRegistrationCodeFix : HookCodeFix
    {
        public const string EquivalenceKey = "SnapSafe.MoveHookRegistrationIntoInit";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HookRegisteredTooLate);

        internal override string Key => EquivalenceKey;

        internal override string FixAllTitle => "Move hook registrations into init";

        internal override async Task<FixOffer> PlanAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var (move, manual) = await MoveAsync(document, diagnostic, session).ConfigureAwait(false);
            if (move == null)
            {
                return FixOffer.None(manual);
            }

            var where = move.Sites[0].Kind switch
            {
                HookSiteKind.EntryPoint => "before the runtime starts",
                HookSiteKind.AfterStatement => "after the registration of the hook it is in",
                _ => move.Sites[0].IsStatic ? "into the static constructor" : "into the constructor",
            };
            return FixOffer.Offer("Move the registration " + where);
        }

        internal override async Task<Solution> ApplyAsync(FixSession session, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics)
        {
            var cancellationToken = session.CancellationToken;
            var moves = new List<Move>();
            var seen = new HashSet<SyntaxNode>();
            foreach (var (document, diagnostic) in diagnostics)
            {
                if ((await MoveAsync(document, diagnostic, session).ConfigureAwait(false)).Move is { } move && seen.Add(move.Statement))
                {
                    moves.Add(move);
                }
            }

            if (moves.Count == 0)
            {
                return session.Solution;
            }

            // A registration nested in another one that moves goes with it.
            moves.RemoveAll(m => moves.Any(other => other != m && other.Statement.Span.Contains(m.Statement.Span) && other.Document.Id == m.Document.Id));

            var editor = new SolutionEditor(session.Solution);
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

            // Whole type declarations (new or converted constructors) last: they contain the other edits.
            foreach (var (site, statements) in edits.Values.OrderBy(e => e.Site.Kind is HookSiteKind.NewConstructor or HookSiteKind.PrimaryConstructor ? 1 : 0))
            {
                var siteEditor = await editor.GetDocumentEditorAsync(site.Document.Id, cancellationToken).ConfigureAwait(false);
                site.Append(siteEditor, statements, HookTarget.NewLineOf(siteEditor.OriginalRoot));
            }

            var changed = editor.GetChangedSolution();
            foreach (var id in touched)
            {
                if (changed.GetDocument(id) is { } document)
                {
                    changed = (await HookDocuments.CleanUpAsync(document, cancellationToken).ConfigureAwait(false)).Project.Solution;
                }
            }

            return changed;
        }

        private static Task<(Move? Move, ManualFix Manual)> MoveAsync(Document document, Diagnostic diagnostic, FixSession session)
            => session.PlanAsync(document, diagnostic, () => PlanMoveAsync(document, diagnostic, session));

        private static async Task<(Move? Move, ManualFix Manual)> PlanMoveAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return (null, ManualFix.None);
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Span != diagnostic.Location.SourceSpan
                || invocation.ArgumentList.Arguments.Count != 1)
            {
                return (null, ManualFix.None);
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            if (HookTypes.From(model.Compilation) is not { } types)
            {
                return (null, ManualFix.None);
            }

            // A whole, unconditional statement of a body (or of top-level code): moving it does not change what else runs.
            if (invocation.Parent is not ExpressionStatementSyntax statement)
            {
                return (null, ManualFix.None);
            }

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
                // Made only when the invocation takes some path: whether init should make it is the author's call.
                return (null, IsInInvocationCode(statement, types, model, cancellationToken) ? ManualFix.ConditionalRegistration : ManualFix.None);
            }

            var request = FixRequest.Read(diagnostic.Properties);
            ImmutableArray<HookSite> sites;
            if (OuterRegistration(statement, types, model, cancellationToken) is { } outer)
            {
                // Inside another hook, which init registers: right after that registration, the same init code.
                var enclosing = model.GetEnclosingSymbol(outer.SpanStart, cancellationToken);
                sites = ImmutableArray.Create(HookSite.ForStatement(document, outer, enclosing?.ContainingType, enclosing?.IsStatic ?? false));
            }
            else if (request.Host == HookHost.EntryPoint)
            {
                var site = HookSite.OfEntryPoint(document, root, diagnostic);
                sites = site == null ? default : ImmutableArray.Create(site);
            }
            else if (request.Host is HookHost.Constructor or HookHost.StaticConstructor)
            {
                var type = model.GetEnclosingSymbol(statement.SpanStart, cancellationToken)?.ContainingType;
                if (type == null)
                {
                    return (null, ManualFix.None);
                }

                var isStatic = request.Host == HookHost.StaticConstructor;
                if (!isStatic && PrimaryConstructorConversion.HasPrimaryConstructor(type) && !UsesInstance(model, invocation.ArgumentList.Arguments[0].Expression, cancellationToken))
                {
                    // The static constructor runs during init too, and leaves the primary constructor as it is.
                    isStatic = true;
                }

                sites = await HookSite.OfTypeAsync(type, isStatic, session).ConfigureAwait(false);
            }
            else
            {
                // The analyzer found no init code for the registration's place: nothing builds or runs it during init.
                return (null, request.Host == HookHost.None ? ManualFix.NoInitCode : ManualFix.None);
            }

            if (sites.IsDefaultOrEmpty)
            {
                return (null, ManualFix.None);
            }

            foreach (var site in sites)
            {
                var siteModel = await session.ModelAsync(site.Document).ConfigureAwait(false);
                if (!NameScope.Binds(model, statement, siteModel, site.NewHookPosition, cancellationToken))
                {
                    // The hook reads the invocation's parameters or locals: they do not exist during init.
                    return (null, NameScope.ReadsOuterLocals(model, invocation.ArgumentList.Arguments[0].Expression, scope: null, cancellationToken) ? ManualFix.HookUsesInvocation : ManualFix.None);
                }
            }

            return (new Move(document, statement, removed, sites), ManualFix.None);
        }

        /// <summary>
        /// The statement that registers the hook <paramref name="statement"/> is in, when that hook is a lambda passed
        /// to <c>SnapshotRestore.Register*</c> as a whole statement.
        /// </summary>
        private static StatementSyntax? OuterRegistration(StatementSyntax statement, HookTypes types, SemanticModel model, CancellationToken cancellationToken)
        {
            if (statement.Parent is not BlockSyntax { Parent: AnonymousFunctionExpressionSyntax function }
                || function.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax outer } }
                || outer.Parent is not ExpressionStatementSyntax outerStatement
                || !(outerStatement.Parent is BlockSyntax || outerStatement.Parent is GlobalStatementSyntax))
            {
                return null;
            }

            var symbol = model.GetSymbolInfo(outer, cancellationToken).Symbol;
            return types.IsRegisterAfterRestore(symbol) || types.IsRegisterBeforeSnapshot(symbol) ? outerStatement : null;
        }

        /// <summary>True when the statement is in a method or lambda (code the invocation runs), not in top-level code.</summary>
        private static bool IsInInvocationCode(StatementSyntax statement, HookTypes types, SemanticModel model, CancellationToken cancellationToken)
            => statement.Ancestors().Any(a => a is BaseMethodDeclarationSyntax || a is AnonymousFunctionExpressionSyntax);

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
