using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// What each rule's re-initialization repeats: the value assigned again (a new identifier for SNAP031, the old
    /// timer or connection disposed first), the start call repeated (an ADO.NET connection closed before it is opened
    /// again, a <c>System.Timers.Timer</c> stopped before it is started again), and instances handed to something
    /// that keeps them, refreshed inside their own type.
    /// </summary>
    internal sealed partial class ReinitializationBuilder
    {
        private static readonly ImmutableHashSet<string> TimerTypes = ImmutableHashSet.Create(
            "System.Threading.Timer", "System.Timers.Timer", "System.Threading.PeriodicTimer");

        /// <summary>
        /// <c>member = value;</c> for the hook, with what goes before it; for SNAP031, a new GUID identifier in place of
        /// the host identity (only a string member can hold it); null when there is none.
        /// </summary>
        private ReinitializationStep? AssignStep(ISymbol member, ExpressionSyntax value, ImmutableArray<(SemanticModel Model, SyntaxNode Original)> names, SemanticModel? valueModel = null)
        {
            var model = valueModel ?? _model;
            if (_diagnostic.Id == DiagnosticIds.HostIdentityCaptured)
            {
                return NewIdentifier(TypeOf(member)) is { } identifier
                    ? ReinitializationStep.Assign(ImmutableArray<(SemanticModel, SyntaxNode)>.Empty, member, identifier, ImmutableArray<ReinitializationStep.Before>.Empty)
                    : null;
            }

            var before = DisposesFirst(model.GetTypeInfo(value, CancellationToken).Type)
                ? ImmutableArray.Create(ReinitializationStep.Before.Dispose)
                : ImmutableArray<ReinitializationStep.Before>.Empty;
            return ReinitializationStep.Assign(names, member, BoundedWork.Rewrite(value, model, _types, CancellationToken), before);
        }

        /// <summary>A timer, or a connection (SNAP010): re-creating it without disposing the old one would leave both running.</summary>
        private bool DisposesFirst(ITypeSymbol? type)
            => type is INamedTypeSymbol named
                && (TimerTypes.Contains(named.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat))
                    || (_diagnostic.Id == DiagnosticIds.ConnectionOpenedDuringInit && named.AllInterfaces.Any(i => i.ToDisplayString() == "System.IDisposable")));

        private static ITypeSymbol? TypeOf(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };

        /// <summary>A fresh identifier from OS entropy for a string member: <c>Guid.NewGuid().ToString("N")</c>.</summary>
        private ExpressionSyntax? NewIdentifier(ITypeSymbol? type)
        {
            ExpressionSyntax Qualified(string name) => SyntaxFactory.ParseTypeName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var newGuid = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Qualified("global::System.Guid"), SyntaxFactory.IdentifierName("NewGuid")));
            switch (type?.SpecialType)
            {
                case SpecialType.System_String:
                    return SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, newGuid, SyntaxFactory.IdentifierName("ToString")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("N"))))));
            }

            return null;
        }

        /// <summary>
        /// The statements a hook repeats for a start call: the call itself (rewritten for bounded work), after closing
        /// an ADO.NET connection or stopping a <c>System.Timers.Timer</c>; a socket has no automatic fix; an
        /// <c>HttpClient</c> that sent requests during init is re-created from its initialization instead.
        /// </summary>
        private (ImmutableArray<StatementSyntax>? Statements, ManualFix Manual, ISymbol? Recreate) StartStatements(ExpressionStatementSyntax? statement, InvocationExpressionSyntax? call)
        {
            var method = call == null ? null : _model.GetSymbolInfo(call, CancellationToken).Symbol as IMethodSymbol;
            var receiver = call?.Expression is MemberAccessExpressionSyntax access
                ? access.Expression
                : (statement?.Expression as AssignmentExpressionSyntax)?.Left is MemberAccessExpressionSyntax { Expression: var assigned } ? assigned : null;
            var receiverType = receiver == null ? null : _model.GetTypeInfo(receiver, CancellationToken).Type;
            if (_diagnostic.Id == DiagnosticIds.ConnectionOpenedDuringInit && method != null)
            {
                if (statement != null && method.Name is "Open" or "OpenAsync" && HookTypes.IsOrDerives(method.ContainingType, _types.DbConnection))
                {
                    // A kept ADO.NET connection still believes it is open after restore: close it, then open it again.
                    var open = BoundedWork.Rewrite(statement, _model, _types, CancellationToken);
                    return (ImmutableArray.Create(CloseVariantOf(open), open), ManualFix.None, null);
                }

                if (DerivesFrom(receiverType, "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Net.Sockets.UdpClient", "System.Net.WebSockets.WebSocket"))
                {
                    return (null, ManualFix.Socket, null);
                }

                if (DerivesFrom(receiverType, "System.Net.Http.HttpMessageInvoker") && receiver != null
                    && _model.GetSymbolInfo(receiver, CancellationToken).Symbol is { } client && (client is IFieldSymbol || client is IPropertySymbol))
                {
                    return (ImmutableArray<StatementSyntax>.Empty, ManualFix.None, client);
                }
            }

            if (statement == null)
            {
                return (null, ManualFix.None, null);
            }

            var rewritten = BoundedWork.Rewrite(statement, _model, _types, CancellationToken);
            if (_diagnostic.Id == DiagnosticIds.TimerStartedDuringInit && receiver != null && DerivesFrom(receiverType, "System.Timers.Timer"))
            {
                // Enabled = true (and Start()) on a running System.Timers.Timer changes nothing: stop it first.
                var stop = call != null
                    ? SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName("Stop"))))
                    : SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName("Enabled")),
                        SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)));
                return (ImmutableArray.Create<StatementSyntax>(stop, rewritten), ManualFix.None, null);
            }

            return (ImmutableArray.Create<StatementSyntax>(rewritten), ManualFix.None, null);
        }

        /// <summary>The member re-created from its own initialization (its initializer), the old instance disposed first.</summary>
        private async Task<(Reinitialization?, ManualFix)> RecreateAsync(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = await reference.GetSyntaxAsync(CancellationToken).ConfigureAwait(false);
                var initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };
                if (initializer == null || _session.DocumentOf(reference.SyntaxTree) is not { } document || member.ContainingType is not { TypeKind: TypeKind.Class } type)
                {
                    continue;
                }

                var model = await _session.ModelAsync(document).ConfigureAwait(false);
                var assignable = Assignable(member);
                if (assignable == null || LocalSlice.LocalsRead(model, new[] { initializer }, CancellationToken).Any())
                {
                    return None();
                }

                var step = ReinitializationStep.Assign(
                    ImmutableArray.Create((model, (SyntaxNode)initializer)),
                    member,
                    BoundedWork.Rewrite(initializer, model, _types, CancellationToken),
                    ImmutableArray.Create(ReinitializationStep.Before.Dispose));
                var sites = await HookSite.OfTypeAsync(type, member.IsStatic, _session).ConfigureAwait(false);
                return sites.IsDefaultOrEmpty ? None() : Fix(ImmutableArray.Create(step), sites, assignable.Value);
            }

            return None();
        }

        /// <summary>
        /// A value handed to something that keeps it: a DI singleton instance or an element of a kept collection. An
        /// instance of a type of this compilation, built once, refreshes its own state in its constructor; an element
        /// stored by key is stored again; anything else has no automatic fix.
        /// </summary>
        private async Task<(Reinitialization?, ManualFix)> HandedAsync(SyntaxNode node)
        {
            var value = node;
            while (value is ParenthesizedExpressionSyntax || value is CastExpressionSyntax)
            {
                value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)value).Expression;
            }

            if (value is BaseObjectCreationExpressionSyntax creation
                && _model.GetSymbolInfo(creation, CancellationToken).Symbol is IMethodSymbol { ContainingType: { TypeKind: TypeKind.Class } type } constructor
                && type.Locations.Any(l => l.IsInSource))
            {
                return await InsideTypeAsync(creation, constructor, type).ConfigureAwait(false);
            }

            if (_request.Store == StoreKind.ContainerInstance)
            {
                return None(ManualFix.ContainerInstance);
            }

            // _cache[key] = value;
            if (node.Parent is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax, Parent: ExpressionStatementSyntax indexed } indexer && indexer.Right == node)
            {
                return await InBodyAsync(indexed, null, null, (null, null), ImmutableArray.Create<StatementSyntax>(BoundedWork.Rewrite(indexed, _model, _types, CancellationToken))).ConfigureAwait(false);
            }

            // _cache.TryAdd(key, value); => _cache[key] = value;
            if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation } arguments } argument
                && _model.GetSymbolInfo(invocation, CancellationToken).Symbol is IMethodSymbol method)
            {
                var keyed = method.Name is "Add" or "TryAdd" or "GetOrAdd" or "AddOrUpdate" or "Set" or "TryUpdate"
                    && arguments.Arguments.Count >= 2 && arguments.Arguments.IndexOf(argument) == 1
                    && _model.GetTypeInfo(access.Expression, CancellationToken).Type is { } collection
                    && HasKeyIndexer(collection, method.Parameters[0].Type);
                if (!keyed)
                {
                    return None(ManualFix.ListElement);
                }

                var statement = invocation.Parent switch
                {
                    ExpressionStatementSyntax direct => direct,
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax discarded } => discarded,
                    _ => null,
                };
                if (statement == null || (method.Name == "AddOrUpdate" && arguments.Arguments.Count != 3))
                {
                    return None();
                }

                var store = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.ElementAccessExpression(
                        BoundedWork.Rewrite(access.Expression, _model, _types, CancellationToken).WithoutTrivia(),
                        SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(BoundedWork.Rewrite(arguments.Arguments[0].Expression, _model, _types, CancellationToken).WithoutTrivia())))),
                    BoundedWork.Rewrite(argument.Expression, _model, _types, CancellationToken).WithoutTrivia()));
                return await InBodyAsync(statement, null, null, (null, null), ImmutableArray.Create<StatementSyntax>(store)).ConfigureAwait(false);
            }

            return None();
        }

        /// <summary>
        /// The instance refreshes its own state: an after-restore hook in the constructor it is built with assigns the
        /// members that constructor fills from the argument that carries the hazard, with that argument's expression in
        /// place of the parameter (or repeats the object-initializer assignment that carries it). Only for a
        /// constructor that nothing else calls: other instances are not touched.
        /// </summary>
        private async Task<(Reinitialization?, ManualFix)> InsideTypeAsync(BaseObjectCreationExpressionSyntax creation, IMethodSymbol constructor, INamedTypeSymbol type)
        {
            if (_request.Source is not { } source || !creation.Span.Contains(source))
            {
                return None();
            }

            var references = (await SymbolFinder.FindReferencesAsync(constructor, _session.Solution, CancellationToken).ConfigureAwait(false)).SelectMany(r => r.Locations).ToList();
            if (references.Count != 1 || references[0].Location.SourceSpan.IntersectsWith(creation.Span) == false)
            {
                return None();
            }

            var declaration = constructor.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
                ? await reference.GetSyntaxAsync(CancellationToken).ConfigureAwait(false) as ConstructorDeclarationSyntax
                : null;
            var constructorDocument = declaration == null ? null : _session.DocumentOf(declaration.SyntaxTree);
            var steps = ImmutableArray.CreateBuilder<ReinitializationStep>();
            var assignable = new List<(SyntaxNode, Document)>();

            // An object initializer's assignment: repeated in the constructor.
            if (creation.Initializer != null && creation.Initializer.Span.Contains(source))
            {
                var assignment = creation.Initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Right.Span.Contains(source));
                if (assignment == null || assignment.Left is not IdentifierNameSyntax
                    || _model.GetSymbolInfo(assignment.Left, CancellationToken).Symbol is not { } initialized
                    || !(initialized is IFieldSymbol || initialized is IPropertySymbol) || initialized.IsStatic
                    || !AddAssignable(initialized, assignable)
                    || AssignStep(initialized, assignment.Right, ImmutableArray.Create((_model, (SyntaxNode)assignment.Right))) is not { } initializerStep)
                {
                    return None();
                }

                steps.Add(initializerStep);
                var sites = declaration != null && constructorDocument != null
                    ? (HookSite.ForBody(constructorDocument, declaration, type) is { } own ? ImmutableArray.Create(own) : default)
                    : (constructor.IsImplicitlyDeclared ? await HookSite.OfTypeAsync(type, isStatic: false, _session).ConfigureAwait(false) : default);
                return sites.IsDefaultOrEmpty ? None() : FixWith(steps.ToImmutable(), sites, assignable);
            }

            // An argument: the members the constructor fills from its parameter.
            if (declaration == null || constructorDocument == null
                || _model.GetOperation(creation, CancellationToken) is not IObjectCreationOperation operation
                || operation.Arguments.FirstOrDefault(a => a.Syntax.Span.Contains(source) && a.ArgumentKind == ArgumentKind.Explicit) is not { Parameter: { } parameter, Syntax: ArgumentSyntax { Expression: var argument } })
            {
                return None();
            }

            var constructorModel = await _session.ModelAsync(constructorDocument).ConfigureAwait(false);
            var stores = declaration.Body != null
                ? declaration.Body.Statements.OfType<ExpressionStatementSyntax>().Select(s => s.Expression).OfType<AssignmentExpressionSyntax>()
                : declaration.ExpressionBody?.Expression is AssignmentExpressionSyntax single ? new[] { single } : Enumerable.Empty<AssignmentExpressionSyntax>();
            var replacement = SyntaxFactory.ParenthesizedExpression(BoundedWork.Rewrite(argument, _model, _types, CancellationToken).WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);
            foreach (var store in stores)
            {
                if (!store.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    || constructorModel.GetSymbolInfo(store.Left, CancellationToken).Symbol is not { IsStatic: false } member
                    || !(member is IFieldSymbol || member is IPropertySymbol)
                    || !SymbolEqualityComparer.Default.Equals(member.ContainingType, type)
                    || (store.Left is not IdentifierNameSyntax && store.Left is not MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
                {
                    continue;
                }

                var uses = store.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                    .Where(i => SymbolEqualityComparer.Default.Equals(constructorModel.GetSymbolInfo(i, CancellationToken).Symbol, parameter.OriginalDefinition)
                        || SymbolEqualityComparer.Default.Equals(constructorModel.GetSymbolInfo(i, CancellationToken).Symbol, parameter))
                    .ToList();
                if (uses.Count == 0)
                {
                    continue;
                }

                if (!AddAssignable(member, assignable))
                {
                    return None();
                }

                var rewritten = BoundedWork.Rewrite(store.Right, constructorModel, _types, CancellationToken);
                var rewrittenUses = rewritten.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == parameter.Name && !(i.Parent is MemberAccessExpressionSyntax m && m.Name == i)).ToList();
                var value = rewritten.ReplaceNodes(rewrittenUses, (_, _) => replacement);
                steps.Add(ReinitializationStep.Assign(
                    ImmutableArray.Create((constructorModel, (SyntaxNode)store.Right), (_model, (SyntaxNode)argument)),
                    member,
                    value,
                    DisposesFirst(constructorModel.GetTypeInfo(store.Right, CancellationToken).Type) ? ImmutableArray.Create(ReinitializationStep.Before.Dispose) : ImmutableArray<ReinitializationStep.Before>.Empty));
            }

            if (steps.Count == 0 || HookSite.ForBody(constructorDocument, declaration, type) is not { } site)
            {
                return None();
            }

            return FixWith(steps.ToImmutable(), ImmutableArray.Create(site), assignable);
        }

        private bool AddAssignable(ISymbol member, List<(SyntaxNode, Document)> assignable)
        {
            if (Assignable(member) is not { } found)
            {
                return false;
            }

            if (found.Declaration != null && found.Document != null)
            {
                assignable.Add((found.Declaration, found.Document));
            }

            return true;
        }

        private (Reinitialization?, ManualFix) FixWith(ImmutableArray<ReinitializationStep> steps, ImmutableArray<HookSite> sites, List<(SyntaxNode, Document)> assignable)
            => (new Reinitialization(_document, _diagnostic, steps, sites, assignable.ToImmutableArray()), ManualFix.None);

        private static bool HasKeyIndexer(ITypeSymbol collection, ITypeSymbol key)
        {
            for (var current = collection; current != null; current = current.BaseType)
            {
                if (current.GetMembers().OfType<IPropertySymbol>().Any(p => p.IsIndexer && p.Parameters.Length == 1 && p.SetMethod != null
                    && SymbolEqualityComparer.Default.Equals(p.Parameters[0].Type, key)))
                {
                    return true;
                }
            }

            return collection.AllInterfaces.Any(i => i.GetMembers().OfType<IPropertySymbol>().Any(p => p.IsIndexer && p.Parameters.Length == 1 && p.SetMethod != null
                && SymbolEqualityComparer.Default.Equals(p.Parameters[0].Type, key)));
        }

        private static bool DerivesFrom(ITypeSymbol? type, params string[] names)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (names.Contains(current.ToDisplayString()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The statement with its <c>Open</c>/<c>OpenAsync</c> call replaced by <c>Close()</c>/<c>CloseAsync()</c>.</summary>
        private static StatementSyntax CloseVariantOf(StatementSyntax start)
        {
            var invocation = start.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
                .First(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Open" or "OpenAsync" });
            var access = (MemberAccessExpressionSyntax)invocation.Expression;
            var close = access.Name.Identifier.ValueText == "OpenAsync" ? "CloseAsync" : "Close";
            return start.ReplaceNode(invocation, SyntaxFactory.InvocationExpression(access.WithName(SyntaxFactory.IdentifierName(close))));
        }
    }
}
