using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// SNAP025: the hook reloads the configuration root a secret-store source was added to (<c>root.Reload();</c>),
    /// instead of repeating a store. The root is the member or top-level local the builder's <c>Build()</c> result is
    /// stored in, or the builder local whose <c>Configuration</c> the source was added to.
    /// </summary>
    internal sealed partial class Reinitialization
    {
        private const string ConfigurationRoot = "Microsoft.Extensions.Configuration.IConfigurationRoot";

        /// <summary><c>root.Reload();</c> at a hook site, casting to <c>IConfigurationRoot</c> where the root is typed otherwise.</summary>
        private IReadOnlyList<StatementSyntax>? ReloadStatementsAt(SemanticModel model, int position)
        {
            ExpressionSyntax? root;
            ITypeSymbol? rootType;
            if (Member is ILocalSymbol builder && Source is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configuration" })
            {
                // builder.Configuration (a ConfigurationManager: IConfigurationRoot is implemented explicitly).
                root = NameScope.Target(builder, model, position) is { } builderName
                    ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, builderName, SyntaxFactory.IdentifierName("Configuration"))
                    : null;
                rootType = null;
            }
            else
            {
                root = Member == null ? null : NameScope.Target(Member, model, position);
                rootType = Member switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, ILocalSymbol l => l.Type, _ => null };
            }

            if (root == null)
            {
                return null;
            }

            if (rootType?.ToDisplayString() != ConfigurationRoot)
            {
                var rootTypeSymbol = model.Compilation.GetTypeByMetadataName(ConfigurationRoot);
                if (rootTypeSymbol == null)
                {
                    return null;
                }

                var typeName = NameScope.TypeExpression(rootTypeSymbol, model, position) as TypeSyntax
                    ?? SyntaxFactory.ParseTypeName("global::" + ConfigurationRoot);
                root = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.CastExpression(typeName, root));
            }

            var reload = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, root, SyntaxFactory.IdentifierName("Reload"))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return new StatementSyntax[] { reload };
        }

        private sealed partial class Builder
        {
            /// <summary>
            /// The <c>Add*</c> call of a secret-store configuration source: its root is kept where a hook site can reach it
            /// (<see cref="ReloadRootOf"/>). The statement run in the hook is built by <see cref="ReloadStatementsAt"/>.
            /// </summary>
            public Created? Reload(SyntaxNode node)
            {
                if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
                {
                    return null;
                }

                // builder.Configuration.AddSystemsManager(...); in top-level code or Main.
                if (access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configuration", Expression: IdentifierNameSyntax } configuration
                    && _model.GetSymbolInfo(configuration.Expression, _session.CancellationToken).Symbol is ILocalSymbol builder
                    && IsNamed(builder)
                    && StatementOf(call) is { } statement
                    && EntrySite(statement) is { } entry)
                {
                    return new Created(builder, configuration, ImmutableArray.Create(entry));
                }

                if (ReloadRootOf(call) is not { } stored)
                {
                    return null;
                }

                var (member, store, storeStatement) = stored;
                if (!IsNamed(member))
                {
                    return null;
                }

                switch (member)
                {
                    case ILocalSymbol:
                        return storeStatement != null && EntrySite(storeStatement) is { } localEntry
                            ? new Created(member, node, ImmutableArray.Create(localEntry))
                            : (Created?)null;

                    case IFieldSymbol or IPropertySymbol when member.ContainingType is { TypeKind: TypeKind.Class } type && HostMatches(member.IsStatic):
                        if (store == StoreKinds.Initializer)
                        {
                            var sites = member.IsStatic ? StaticSites(type) : InstanceSites(type);
                            return sites.IsDefaultOrEmpty ? (Created?)null : new Created(member, node, sites);
                        }

                        return storeStatement != null && ConstructorSiteOf(storeStatement) is { } site
                            ? new Created(member, node, ImmutableArray.Create(site))
                            : (Created?)null;

                    default:
                        return null;
                }
            }

            /// <summary>
            /// Up the fluent chain from the call to <c>Build()</c>, then where its result goes: a field or property
            /// initializer, an assignment statement, a local declaration.
            /// </summary>
            private (ISymbol Member, string Store, StatementSyntax? Statement)? ReloadRootOf(InvocationExpressionSyntax call)
            {
                ExpressionSyntax current = call;
                while (current.Parent is MemberAccessExpressionSyntax next && next.Expression == current && next.Parent is InvocationExpressionSyntax nextCall)
                {
                    current = nextCall;
                }

                if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } })
                {
                    return null;
                }

                var cancellationToken = _session.CancellationToken;
                switch (current.Parent)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } declarator }:
                        return _model.GetDeclaredSymbol(declarator, cancellationToken) is { } field ? (field, StoreKinds.Initializer, null) : null;

                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return _model.GetDeclaredSymbol(property, cancellationToken) is { } declared ? (declared, StoreKinds.Initializer, null) : null;

                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } localDeclarator }
                        when !local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                        return _model.GetDeclaredSymbol(localDeclarator, cancellationToken) is { } symbol ? (symbol, StoreKinds.Declaration, local) : null;

                    case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment when assignment.Right == current:
                        return _model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is { } assigned && assigned is IFieldSymbol or IPropertySymbol
                            ? (assigned, StoreKinds.Assignment, statement)
                            : null;

                    default:
                        return null;
                }
            }

            private static StatementSyntax? StatementOf(InvocationExpressionSyntax call)
                => call.Parent is ExpressionStatementSyntax statement ? statement : null;
        }
    }
}
