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
using Microsoft.CodeAnalysis.Simplification;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;
using SnapSafe.Analyzers.CodeFixes.Hooks;
using SnapSafe.Analyzers.Lambda;

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
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PoolClearingCodeFixProvider)), Shared]
    public sealed class PoolClearingCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.ClearPoolBeforeSnapshot";

        private const string RegisterBeforeSnapshotName = "RegisterBeforeSnapshot";

        private static readonly HookFixAllProvider FixAll = new HookFixAllProvider(
            EquivalenceKey, "Clear connection pools in before-snapshot hooks", IsCandidate, ApplyAsync);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConnectionPoolPrimed);

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
                if (await ClearingAsync(document, diagnostic, session).ConfigureAwait(false) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Clear the connection pool in a before-snapshot hook",
                        cancellationToken => ApplyAsync(document.Project.Solution, new[] { (document, diagnostic) }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool IsCandidate(Diagnostic diagnostic)
            => diagnostic.Id == DiagnosticIds.ConnectionPoolPrimed
                && diagnostic.Properties.TryGetValue(FixProperties.Fixable, out var fixable) && fixable == "true"
                && diagnostic.Properties.TryGetValue(FixProperties.Host, out var host) && InitSites.IsHost(host)
                && ((diagnostic.Properties.TryGetValue(HookProperties.PoolClear, out var clear) && !string.IsNullOrEmpty(clear))
                    || (diagnostic.Properties.TryGetValue(HookProperties.PoolDataSource, out var source) && !string.IsNullOrEmpty(source)));

        private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken)
        {
            var session = new FixSession(solution, cancellationToken);
            var bySite = new Dictionary<(HookSiteKind, DocumentId, int, bool), (HookSite Site, List<StatementSyntax> Statements)>();
            foreach (var (document, diagnostic) in diagnostics.OrderBy(d => d.Document.FilePath ?? d.Document.Name, System.StringComparer.Ordinal).ThenBy(d => d.Diagnostic.Location.SourceSpan.Start))
            {
                if (await ClearingAsync(document, diagnostic, session).ConfigureAwait(false) is not { } clearing)
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
                return solution;
            }

            var editor = new SolutionEditor(solution);
            var touched = new HashSet<DocumentId>();
            var newRegistrations = new List<(HookSite Site, List<StatementSyntax> Statements)>();
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
                registration = registration.ReplaceNode(name, SyntaxFactory.IdentifierName(RegisterBeforeSnapshotName));
                newRegistrations.Add((site, new List<StatementSyntax> { registration }));
            }

            await InitSites.AppendAsync(editor, newRegistrations, session).ConfigureAwait(false);
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

        /// <summary>The last <c>RegisterBeforeSnapshot(() => ...)</c> of the site whose body can take a statement at its end.</summary>
        private static AnonymousFunctionExpressionSyntax? ExistingBeforeSnapshotLambda(HookSite site, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
        {
            foreach (var statement in site.ExistingStatements())
            {
                if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } invocation }
                    && arguments[0].Expression is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0 } lambda
                    && !lambda.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: RegisterBeforeSnapshotName } method
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.SnapshotRestore)
                    && HookBody.Of(lambda).CanAdd(needsAwait: false))
                {
                    return lambda;
                }
            }

            return null;
        }

        private static async Task<Clearing?> ClearingAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !IsCandidate(diagnostic) || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
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
                var type = model.GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start, cancellationToken) switch
                {
                    INamedTypeSymbol named => named,
                    { } symbol => symbol.ContainingType,
                    null => null,
                };
                if (type == null)
                {
                    return null;
                }

                // Clearing a pool needs no instance: a type with a primary constructor clears it in its static constructor.
                var isStatic = host == HookHosts.StaticConstructor || InitSites.HasPrimaryConstructor(type);
                sites = InitSites.OfType(type, isStatic, session);
            }

            if (sites.IsDefaultOrEmpty)
            {
                return null;
            }

            StatementSyntax? statement = null;
            if (diagnostic.Properties.TryGetValue(HookProperties.PoolClear, out var clear) && !string.IsNullOrEmpty(clear))
            {
                if (SyntaxFactory.ParseExpression(clear!) is not InvocationExpressionSyntax call || call.ContainsDiagnostics)
                {
                    return null;
                }

                statement = SyntaxFactory.ExpressionStatement(call.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            }
            else if (diagnostic.Properties.TryGetValue(HookProperties.PoolDataSource, out var source) && !string.IsNullOrEmpty(source))
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
                        return null;
                    }
                }

                statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(source!), SyntaxFactory.IdentifierName("Clear"))));
            }

            return statement == null ? null : new Clearing(statement.WithAdditionalAnnotations(Formatter.Annotation), sites);
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
