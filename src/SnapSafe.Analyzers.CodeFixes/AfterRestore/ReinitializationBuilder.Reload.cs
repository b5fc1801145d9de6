using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// SNAP025: the hook reloads the configuration root a secret-store source was added to (<c>root.Reload();</c>)
    /// instead of repeating a store. The root is the member or top-level local the builder's <c>Build()</c> result is
    /// stored in, or the builder local whose <c>Configuration</c> the source was added to.
    /// </summary>
    internal sealed partial class ReinitializationBuilder
    {
        private const string ConfigurationRoot = "Microsoft.Extensions.Configuration.IConfigurationRoot";

        /// <summary>The <c>Add*</c> call of a secret-store configuration source, and the root whose reload refreshes it.</summary>
        private async Task<(Reinitialization?, ManualFix)> ReloadAsync(SyntaxNode node)
        {
            if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                || _model.Compilation.GetTypeByMetadataName(ConfigurationRoot) is not { } configurationRoot)
            {
                return None();
            }

            // builder.Configuration.AddSystemsManager(...); in top-level code or Main: the hook goes before the runtime starts.
            if (access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configuration", Expression: IdentifierNameSyntax } configuration
                && _model.GetSymbolInfo(configuration.Expression, CancellationToken).Symbol is ILocalSymbol builder
                && IsNamed(builder)
                && call.Parent is ExpressionStatementSyntax statement)
            {
                var step = ReinitializationStep.Reload(builder, throughConfiguration: true, configurationRoot);
                return await AtStoreAsync(statement, step).ConfigureAwait(false);
            }

            if (ReloadRootOf(call) is not { } stored || !IsNamed(stored.Member))
            {
                return None();
            }

            var reload = ReinitializationStep.Reload(stored.Member, throughConfiguration: false, configurationRoot);
            if (stored.Statement == null)
            {
                // A field or property initializer: every constructor of the type runs it.
                if (stored.Member.ContainingType is not { TypeKind: TypeKind.Class } type
                    || (stored.Member.IsStatic ? _request.Host != HookHost.StaticConstructor : _request.Host != HookHost.Constructor))
                {
                    return None();
                }

                var sites = await HookSite.OfTypeAsync(type, stored.Member.IsStatic, _session).ConfigureAwait(false);
                return sites.IsDefaultOrEmpty ? None() : Fix(ImmutableArray.Create(reload), sites, (null, null));
            }

            return await AtStoreAsync(stored.Statement, reload).ConfigureAwait(false);
        }

        /// <summary>The reload at the sites of the body whose outermost statement stores the root.</summary>
        private async Task<(Reinitialization?, ManualFix)> AtStoreAsync(StatementSyntax store, ReinitializationStep reload)
        {
            if (BodyOf(store) is not { } body)
            {
                return None();
            }

            var sites = await SitesOfBodyAsync(body, store).ConfigureAwait(false);
            return sites.IsDefaultOrEmpty ? None() : Fix(ImmutableArray.Create(reload), sites, (null, null));
        }

        /// <summary>
        /// Up the fluent chain from the call to <c>Build()</c>, then where its result goes: a field or property
        /// initializer (no statement), an assignment statement, a local declaration.
        /// </summary>
        private (ISymbol Member, StatementSyntax? Statement)? ReloadRootOf(InvocationExpressionSyntax call)
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

            switch (current.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } declarator }:
                    return _model.GetDeclaredSymbol(declarator, CancellationToken) is { } field ? (field, null) : null;

                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return _model.GetDeclaredSymbol(property, CancellationToken) is { } declared ? (declared, null) : null;

                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } localDeclarator }
                    when !local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                    return _model.GetDeclaredSymbol(localDeclarator, CancellationToken) is { } symbol ? (symbol, local) : null;

                case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment when assignment.Right == current:
                    return _model.GetSymbolInfo(assignment.Left, CancellationToken).Symbol is { } assigned && assigned is IFieldSymbol or IPropertySymbol
                        ? (assigned, statement)
                        : null;

                default:
                    return null;
            }
        }
    }
}
