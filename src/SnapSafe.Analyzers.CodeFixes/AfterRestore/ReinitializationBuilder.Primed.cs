using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// State left by priming (<see cref="FixRequest.Primed"/>): handler code that a before-snapshot hook or a warm-up
    /// request ran stored a value (<c>_config ??= Load()</c>, <c>_startedAt = DateTime.UtcNow</c>). The store is
    /// repeated, as an assignment, in an after-restore hook registered where init registers the priming: the
    /// constructors (or static constructor) of the type whose init registers the before-snapshot hook, when the
    /// member is that type's; the entry point before the runtime starts, for a local the endpoints capture.
    /// </summary>
    internal sealed partial class ReinitializationBuilder
    {
        private async Task<(Reinitialization?, ManualFix)> PrimedAsync(SyntaxNode node)
        {
            if (node is not ExpressionSyntax value
                || node.Parent is not AssignmentExpressionSyntax assignment
                || assignment.Right != value
                || !(assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)))
            {
                return None();
            }

            var member = _model.GetSymbolInfo(assignment.Left, CancellationToken).Symbol;
            if (member == null || !IsNamed(member))
            {
                return None();
            }

            if (ReadsInvocation(value))
            {
                return None(ManualFix.PrimedValueReadsInvocation);
            }

            switch (member)
            {
                case ILocalSymbol local when _request.Host == HookHost.EntryPoint && _request.RuntimeStart != null && IsReassignable(local):
                    var root = await _document.GetSyntaxRootAsync(CancellationToken).ConfigureAwait(false);
                    var entry = root == null ? null : HookSite.OfEntryPoint(_document, root, _diagnostic);
                    if (entry == null || AssignStep(local, value, ImmutableArray.Create((_model, (SyntaxNode)value))) is not { } localStep)
                    {
                        return None();
                    }

                    return Fix(ImmutableArray.Create(localStep), ImmutableArray.Create(entry), (null, null));

                case IFieldSymbol or IPropertySymbol when member.ContainingType is { TypeKind: TypeKind.Class } type
                    && (member.IsStatic ? _request.Host is HookHost.StaticConstructor or HookHost.Constructor : _request.Host == HookHost.Constructor)
                    && RegistersPriming(type):
                    var assignable = Assignable(member);
                    if (assignable == null || AssignStep(member, value, ImmutableArray.Create((_model, (SyntaxNode)value))) is not { } step)
                    {
                        return None();
                    }

                    var sites = await HookSite.OfTypeAsync(type, _request.Host == HookHost.StaticConstructor, _session).ConfigureAwait(false);
                    return sites.IsDefaultOrEmpty ? None() : Fix(ImmutableArray.Create(step), sites, assignable.Value);

                default:
                    return None();
            }
        }

        /// <summary>
        /// True when the value reads a parameter or local of the handler code that stores it (the invocation's input,
        /// its locals). Locals of the top-level code an endpoint captures exist during init and are not counted.
        /// </summary>
        private bool ReadsInvocation(ExpressionSyntax value)
            => value.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) is { } function
                && NameScope.ReadsOuterLocals(_model, value, function, CancellationToken);

        /// <summary>True when the priming call (the diagnostic's first additional location) is in code of <paramref name="type"/>.</summary>
        private bool RegistersPriming(INamedTypeSymbol type)
        {
            if (_diagnostic.AdditionalLocations.Count == 0 || _diagnostic.AdditionalLocations[0] is not { IsInSource: true } priming
                || priming.SourceTree != _model.SyntaxTree && !_model.Compilation.ContainsSyntaxTree(priming.SourceTree!))
            {
                return false;
            }

            var model = priming.SourceTree == _model.SyntaxTree ? _model : _model.Compilation.GetSemanticModel(priming.SourceTree!);
            var enclosing = model.GetEnclosingSymbol(priming.SourceSpan.Start, CancellationToken);
            for (var current = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType; current != null; current = current.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Why a finding that names no store has no fix: a generic host started during init (its hosted services keep
        /// running; SNAP004), or state of a shared instance outside the project that priming used (<c>Random.Shared</c>).
        /// </summary>
        private ManualFix ManualWithoutStore(SyntaxNode node)
        {
            if (_diagnostic.Id == DiagnosticIds.TimerStartedDuringInit)
            {
                return ManualFix.HostStarted;
            }

            for (SyntaxNode? current = node; current is ExpressionSyntax; current = (current as InvocationExpressionSyntax)?.Expression ?? (current as MemberAccessExpressionSyntax)?.Expression)
            {
                if (_model.GetSymbolInfo(current, CancellationToken).Symbol is { IsStatic: true, Kind: SymbolKind.Property or SymbolKind.Field } shared
                    && shared.Locations.Length > 0 && !shared.Locations[0].IsInSource)
                {
                    return ManualFix.SharedInstance;
                }
            }

            return ManualFix.None;
        }
    }
}
