using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// One finding turned into the statement an after-restore hook repeats (<c>member = value;</c>, or the start
    /// call itself), the hook sites that must run it, and the declaration that must become assignable.
    /// </summary>
    internal sealed partial class Reinitialization
    {
        private Reinitialization(
            Document document,
            Diagnostic diagnostic,
            SemanticModel model,
            string store,
            ISymbol? member,
            SyntaxNode source,
            bool needsAwait,
            ImmutableArray<HookSite> sites,
            SyntaxNode? declaration,
            Document? declarationDocument)
        {
            Document = document;
            Diagnostic = diagnostic;
            Model = model;
            Store = store;
            Member = member;
            Source = source;
            NeedsAwait = needsAwait;
            Sites = sites;
            Declaration = declaration;
            DeclarationDocument = declarationDocument;
        }

        public Document Document { get; }

        public Diagnostic Diagnostic { get; }

        public SemanticModel Model { get; }

        public string Store { get; }

        /// <summary>The field, property or local that is assigned again; null for a start call.</summary>
        public ISymbol? Member { get; }

        /// <summary>The value expression that is assigned again, or the start-call statement that is repeated.</summary>
        public SyntaxNode Source { get; }

        public bool NeedsAwait { get; }

        public ImmutableArray<HookSite> Sites { get; }

        /// <summary>A <c>readonly</c> field or a get-only auto-property declaration that the hook must be able to assign.</summary>
        public SyntaxNode? Declaration { get; }

        public Document? DeclarationDocument { get; }

        /// <summary>Source order: the hook repeats the initializations as they are written.</summary>
        public (string Path, int Position) Order
            => (Document.FilePath ?? Document.Name, Diagnostic.Location.SourceSpan.Start);

        /// <summary>
        /// The statements to run in a hook whose statements are at <paramref name="position"/>; null when the names
        /// they use mean something else there. A re-created timer first stops the one init started.
        /// </summary>
        public IReadOnlyList<StatementSyntax>? StatementsAt(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            if (!NameScope.Binds(Model, Source, model, position, cancellationToken))
            {
                return null;
            }

            if (Store == StoreKinds.Reload)
            {
                return ReloadStatementsAt(model, position);
            }

            if (Store == StoreKinds.StartCall)
            {
                var start = ((StatementSyntax)Source).WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation);

                // SNAP010: a kept ADO.NET connection still believes it is open after restore; close it, then open it again.
                return ReopensConnection
                    ? new[] { CloseVariantOf(start), start }
                    : new[] { start };
            }

            var target = NameScope.Target(Member!, model, position);
            if (target == null)
            {
                return null;
            }

            // SNAP031: reading the host identity again gives the same value in every restored copy; a fresh
            // identifier is what the member is used for.
            var value = Diagnostic.Id == DiagnosticIds.HostIdentityCaptured
                ? SyntaxFactory.ParseExpression(GuidNameAt(model, position) + ".NewGuid().ToString(\"N\")")
                : ((ExpressionSyntax)Source).WithoutTrivia();
            var assignment = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, value))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (!StopsTimer)
            {
                return new StatementSyntax[] { assignment };
            }

            var dispose = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, SyntaxFactory.IdentifierName("Dispose"))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return new StatementSyntax[] { dispose, assignment };
        }

        /// <summary>
        /// The value is a timer, or a connection (SNAP010): re-creating it without disposing the old one would leave
        /// both running.
        /// </summary>
        private bool StopsTimer
            => Store != StoreKinds.StartCall
                && ((Model.GetTypeInfo(Source).Type is INamedTypeSymbol type && TimerTypes.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)))
                    || (Diagnostic.Id == DiagnosticIds.ConnectionOpenedDuringInit && IsDisposable(Model.GetTypeInfo(Source).Type)));

        /// <summary>SNAP010 on <c>connection.Open()</c>/<c>await connection.OpenAsync()</c> of an ADO.NET connection.</summary>
        private bool ReopensConnection => Diagnostic.Id == DiagnosticIds.ConnectionOpenedDuringInit && IsAdoNetOpen(Model, Source);

        /// <summary><c>Guid</c> where it names System.Guid at <paramref name="position"/>, the qualified name otherwise.</summary>
        private static string GuidNameAt(SemanticModel model, int position)
            => model.LookupNamespacesAndTypes(position, name: "Guid").Length == 1
                && model.LookupNamespacesAndTypes(position, name: "Guid")[0].ToDisplayString() == "System.Guid"
                ? "Guid"
                : "global::System.Guid";

        internal static bool IsAdoNetOpen(SemanticModel model, SyntaxNode statement)
        {
            var expression = (statement as ExpressionStatementSyntax)?.Expression;
            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
            }

            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                && access.Name.Identifier.ValueText is "Open" or "OpenAsync"
                && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method)
            {
                for (var type = method.ContainingType; type != null; type = type.BaseType)
                {
                    if (type.ToDisplayString() == "System.Data.Common.DbConnection")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static StatementSyntax CloseVariantOf(StatementSyntax start)
        {
            var access = start.DescendantNodes().OfType<MemberAccessExpressionSyntax>().First(a => a.Name.Identifier.ValueText is "Open" or "OpenAsync");
            var close = access.Name.Identifier.ValueText == "OpenAsync" ? "CloseAsync" : "Close";
            var invocation = (InvocationExpressionSyntax)access.Parent!;
            return start.ReplaceNode(invocation, SyntaxFactory.InvocationExpression(access.WithName(SyntaxFactory.IdentifierName(close))));
        }

        private static bool IsDisposable(ITypeSymbol? type)
            => type != null && type.AllInterfaces.Any(i => i.ToDisplayString() == "System.IDisposable");

        private static readonly ImmutableHashSet<string> TimerTypes = ImmutableHashSet.Create(
            "System.Threading.Timer", "System.Timers.Timer", "System.Threading.PeriodicTimer");

        public static async Task<Reinitialization?> CreateAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            if (!AfterRestoreHook.IsCandidate(diagnostic) || !diagnostic.Location.IsInSource)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            if (HookTypes.From(model.Compilation) == null)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(FixProperties.Store, out var store);
            diagnostic.Properties.TryGetValue(FixProperties.Host, out var host);
            diagnostic.Properties.TryGetValue(FixProperties.Member, out var memberName);
            diagnostic.Properties.TryGetValue(FixProperties.IsAsync, out var isAsync);
            var node = ExactNode(root, diagnostic.Location.SourceSpan);
            if (node == null || store == null || host == null)
            {
                return null;
            }

            var builder = new Builder(document, diagnostic, model, host, memberName, session);
            var created = store switch
            {
                StoreKinds.Initializer => builder.Initializer(node),
                StoreKinds.Assignment => builder.Assignment(node),
                StoreKinds.Declaration => builder.Declaration(node),
                StoreKinds.StartCall => builder.StartCall(node),
                StoreKinds.Reload => builder.Reload(node),
                _ => null,
            };

            if (created == null)
            {
                return null;
            }

            // SNAP031 assigns a new identifier: only a string member can hold it.
            if (diagnostic.Id == DiagnosticIds.HostIdentityCaptured
                && created.Value.Member switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, ILocalSymbol l => l.Type, _ => null } is not { SpecialType: SpecialType.System_String })
            {
                return null;
            }

            var reinitialization = new Reinitialization(
                document,
                diagnostic,
                model,
                store,
                created.Value.Member,
                created.Value.Source,
                isAsync == "true" || HookBody.ContainsAwait(created.Value.Source),
                created.Value.Sites,
                created.Value.Declaration,
                created.Value.DeclarationDocument);

            // Every site must be able to run the statement in a registration of its own.
            foreach (var site in reinitialization.Sites)
            {
                var siteModel = await session.ModelAsync(site.Document).ConfigureAwait(false);
                if (reinitialization.StatementsAt(siteModel, site.NewHookPosition, cancellationToken) == null)
                {
                    return null;
                }
            }

            return reinitialization;
        }

        private static SyntaxNode? ExactNode(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            for (var node = root.FindNode(span, getInnermostNodeForTie: true); node != null; node = node.Parent)
            {
                if (node.Span == span)
                {
                    return node;
                }

                if (node.Span.Length > span.Length)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
