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
using Microsoft.CodeAnalysis.Simplification;

using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP011: clears the connection pool in a before-snapshot hook registered during init: the provider's static
    /// <c>ClearAllPools()</c> (Npgsql, Microsoft.Data.SqlClient, System.Data.SqlClient, MySqlConnector,
    /// Microsoft.Data.Sqlite and any provider with that method), or <c>Clear()</c> on the data source that opened the
    /// connection (Npgsql's <c>NpgsqlDataSource</c>). The clearing joins a before-snapshot lambda the site already
    /// registers, or gets a registration of its own at the end of the constructors, in the static constructor, or
    /// right before the statement that starts the runtime.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP011ClearPoolsCodeFix)), Shared]
    public sealed class SNAP011ClearPoolsCodeFix : HookCodeFix
    {
        public const string EquivalenceKey = "SnapSafe.ClearPoolBeforeSnapshot";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConnectionPoolPrimed);

        internal override string Key => EquivalenceKey;

        internal override string FixAllTitle => "Clear connection pools in before-snapshot hooks";

        internal override async Task<FixOffer> PlanAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var (clearing, manual) = await ClearingAsync(document, diagnostic, session).ConfigureAwait(false);
            return clearing == null ? FixOffer.None(manual) : FixOffer.Offer("Clear the connection pool in a before-snapshot hook");
        }

        internal override async Task<Solution> ApplyAsync(FixSession session, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics)
        {
            var cancellationToken = session.CancellationToken;
            var bySite = new Dictionary<(HookSiteKind, DocumentId, int, bool), (HookSite Site, List<StatementSyntax> Statements)>();
            foreach (var (document, diagnostic) in diagnostics.OrderBy(d => d.Document.FilePath ?? d.Document.Name, System.StringComparer.Ordinal).ThenBy(d => d.Diagnostic.Location.SourceSpan.Start))
            {
                if ((await ClearingAsync(document, diagnostic, session).ConfigureAwait(false)).Clearing is not { } clearing)
                {
                    continue;
                }

                foreach (var site in clearing.Sites)
                {
                    if (!bySite.TryGetValue(site.Key, out var entry))
                    {
                        entry = (site, new List<StatementSyntax>());
                        bySite.Add(site.Key, entry);
                    }

                    // One clearing per provider and site.
                    if (!entry.Statements.Any(s => s.IsEquivalentTo(clearing.Statement)))
                    {
                        entry.Statements.Add(clearing.Statement);
                    }
                }
            }

            if (bySite.Count == 0)
            {
                return session.Solution;
            }

            var editor = new SolutionEditor(session.Solution);
            var touched = new HashSet<DocumentId>();
            var newRegistrations = new List<(HookSite Site, StatementSyntax Registration)>();
            foreach (var (site, statements) in bySite.Values)
            {
                touched.Add(site.Document.Id);
                var model = await session.ModelAsync(site.Document).ConfigureAwait(false);
                var types = HookTypes.From(model.Compilation)!;
                var documentEditor = await editor.GetDocumentEditorAsync(site.Document.Id, cancellationToken).ConfigureAwait(false);
                var newLine = HookTarget.NewLineOf(documentEditor.OriginalRoot);
                if (ExistingBeforeSnapshotLambda(site, model, types, cancellationToken) is { } lambda)
                {
                    var indentation = HookTarget.IndentationOfLine(lambda);
                    documentEditor.ReplaceNode(lambda, (current, _) => HookBody.Rewrite((AnonymousFunctionExpressionSyntax)current, statements, needsAwait: false, newLine, indentation));
                    continue;
                }

                var position = site.NewHookPosition;
                var registration = HookBody.NewRegistration(
                    NameScope.TypeExpression(types.SnapshotRestore, model, position),
                    NameScope.TypeExpression(types.ValueTask, model, position),
                    statements,
                    isAsync: false,
                    newLine);
                var name = registration.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.ValueText == HookTypes.RegisterAfterRestoreName);
                newRegistrations.Add((site, registration.ReplaceNode(name, SyntaxFactory.IdentifierName(HookTypes.RegisterBeforeSnapshotName))));
            }

            // Whole type declarations (new constructors) last: they contain the other edits.
            foreach (var (site, registration) in newRegistrations.OrderBy(r => r.Site.Kind is HookSiteKind.NewConstructor or HookSiteKind.PrimaryConstructor ? 1 : 0))
            {
                var siteEditor = await editor.GetDocumentEditorAsync(site.Document.Id, cancellationToken).ConfigureAwait(false);
                site.Append(siteEditor, new[] { registration }, HookTarget.NewLineOf(siteEditor.OriginalRoot));
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

        /// <summary>The last <c>RegisterBeforeSnapshot(() => ...)</c> of the site whose body can take a statement at its end.</summary>
        private static AnonymousFunctionExpressionSyntax? ExistingBeforeSnapshotLambda(HookSite site, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
        {
            foreach (var statement in site.ExistingStatements())
            {
                if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } invocation }
                    && arguments[0].Expression is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0 } lambda
                    && !lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && types.IsRegisterBeforeSnapshot(model.GetSymbolInfo(invocation, cancellationToken).Symbol)
                    && HookBody.Of(lambda).CanAdd(needsAwait: false))
                {
                    return lambda;
                }
            }

            return null;
        }

        private static Task<(Clearing? Clearing, ManualFix Manual)> ClearingAsync(Document document, Diagnostic diagnostic, FixSession session)
            => session.PlanAsync(document, diagnostic, () => PlanClearingAsync(document, diagnostic, session));

        private static async Task<(Clearing? Clearing, ManualFix Manual)> PlanClearingAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var request = FixRequest.Read(diagnostic.Properties);
            if (string.IsNullOrEmpty(request.PoolClear) && string.IsNullOrEmpty(request.PoolDataSource))
            {
                // No pool-clearing API is known for this connection type.
                return (null, ManualFix.UnknownPool);
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return (null, ManualFix.None);
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            if (HookTypes.From(model.Compilation) == null)
            {
                return (null, ManualFix.None);
            }

            ImmutableArray<HookSite> sites;
            if (request.Host == HookHost.EntryPoint)
            {
                var site = HookSite.OfEntryPoint(document, root, diagnostic);
                sites = site == null ? default : ImmutableArray.Create(site);
            }
            else if (request.Host is HookHost.Constructor or HookHost.StaticConstructor or HookHost.InitMethod)
            {
                var type = model.GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start, cancellationToken) switch
                {
                    INamedTypeSymbol named => named,
                    { } symbol => symbol.ContainingType,
                    null => null,
                };
                if (type == null)
                {
                    return (null, ManualFix.None);
                }

                // Clearing a pool needs no instance: a type with a primary constructor, or a method init runs, clears it in its static constructor.
                var isStatic = request.Host != HookHost.Constructor || PrimaryConstructorConversion.HasPrimaryConstructor(type);
                sites = await HookSite.OfTypeAsync(type, isStatic, session).ConfigureAwait(false);
            }
            else
            {
                return (null, ManualFix.None);
            }

            if (sites.IsDefaultOrEmpty)
            {
                return (null, ManualFix.None);
            }

            StatementSyntax? statement = null;
            if (request.PoolClear is { Length: > 0 } clear)
            {
                if (SyntaxFactory.ParseExpression(clear) is not InvocationExpressionSyntax call || call.ContainsDiagnostics)
                {
                    return (null, ManualFix.None);
                }

                statement = SyntaxFactory.ExpressionStatement(call.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            }
            else if (request.PoolDataSource is { Length: > 0 } source)
            {
                // The data source must be the same member (or entry point local) at every site, and reachable there.
                foreach (var site in sites)
                {
                    var siteModel = await session.ModelAsync(site.Document).ConfigureAwait(false);
                    var found = siteModel.LookupSymbols(site.NewHookPosition, name: source).Where(s => s is IFieldSymbol || s is IPropertySymbol || s is ILocalSymbol).ToList();
                    if (found.Count != 1
                        || (site.IsStatic && !found[0].IsStatic)
                        || (found[0] is ILocalSymbol local && !local.DeclaringSyntaxReferences.All(r => r.SyntaxTree == siteModel.SyntaxTree && r.Span.End <= site.NewHookPosition)))
                    {
                        return (null, ManualFix.None);
                    }
                }

                statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(source), SyntaxFactory.IdentifierName("Clear"))));
            }

            return statement == null ? (null, ManualFix.None) : (new Clearing(statement.WithAdditionalAnnotations(Formatter.Annotation), sites), ManualFix.None);
        }

        private sealed class Clearing
        {
            public Clearing(StatementSyntax statement, ImmutableArray<HookSite> sites)
            {
                Statement = statement;
                Sites = sites;
            }

            public StatementSyntax Statement { get; }

            public ImmutableArray<HookSite> Sites { get; }
        }
    }
}
