using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Turns what init keeps into findings once the whole walk is known: drops values an after-restore hook refreshes or
    /// every invocation re-assigns, merges what several functions reach into one finding per rule and location (it
    /// belongs to each of them), and writes the properties the after-restore fix reads.
    /// </summary>
    internal static class KeptStateFindings
    {
        public static IEnumerable<Finding> Publish(KeptState kept, AfterRestoreRefreshes refreshes, InvocationReach invocationReach)
        {
            // One finding per rule and location; it belongs to every origin that reaches it.
            var groups = new Dictionary<(string, SyntaxTree, TextSpan), (PendingFinding First, HashSet<ISymbol>? Origins)>();
            var order = new List<(string, SyntaxTree, TextSpan)>();

            // One hazard, one diagnostic: a member init already keeps is not reported again where priming touches it.
            var keptByInit = new HashSet<(string, ISymbol)>();
            foreach (var pending in kept.Pending)
            {
                if (pending.Frame.Priming == null && pending.Member != null)
                {
                    keptByInit.Add((pending.Rule.Id, pending.Member));
                }
            }

            foreach (var pending in kept.Pending)
            {
                var member = pending.Member;
                if (member != null && (refreshes.Refreshes(member) || invocationReach.Assigns(member)))
                {
                    continue;
                }

                if (pending.Frame.Priming != null && member != null
                    && (keptByInit.Contains((pending.Rule.Id, member)) || (!SymbolFacts.IsInSource(member) && !keptByInit.Add((pending.Rule.Id, member)))))
                {
                    // Shared state outside the compilation (Random.Shared) is one hazard wherever priming touches it.
                    continue;
                }

                var key = (pending.Rule.Id, pending.Syntax.SyntaxTree, pending.Syntax.Span);
                var origin = pending.Frame.Origin;
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = (pending, origin == null ? null : new HashSet<ISymbol>(SymbolEqualityComparer.Default) { origin });
                    order.Add(key);
                }
                else if (group.Origins != null)
                {
                    if (origin == null)
                    {
                        groups[key] = (group.First, null);
                    }
                    else
                    {
                        group.Origins.Add(origin);
                    }
                }
            }

            foreach (var key in order)
            {
                var (pending, origins) = groups[key];
                yield return ToFinding(pending, origins);
            }
        }

        private static Finding ToFinding(PendingFinding pending, HashSet<ISymbol>? origins)
        {
            var member = pending.Member;
            var name = member == null ? "singleton " + (pending.Value?.Type?.Name ?? "instance")
                : member.IsStatic && member.ContainingType != null && !SymbolFacts.IsInSource(member) ? member.ContainingType.Name + "." + member.Name
                : member.Name;
            var host = HostOf(member, pending.Frame);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[FixProperties.Member] = name;
            properties[FixProperties.MemberKind] = member switch
            {
                IPropertySymbol => MemberKinds.Property,
                ILocalSymbol => MemberKinds.Local,
                _ => MemberKinds.Field,
            };
            properties[FixProperties.IsStatic] = member != null && member.IsStatic ? "true" : "false";
            properties[FixProperties.Store] = pending.StoreKind;
            properties[FixProperties.IsAsync] = ContainsAwait(pending) ? "true" : "false";
            properties[FixProperties.Host] = host;
            var priming = pending.Frame.Priming;
            properties[FixProperties.Fixable] = priming == null && IsFixable(pending, host) ? "true" : "false";

            var additional = ImmutableArray<Location>.Empty;
            if (host == HookHosts.EntryPoint && pending.Frame.RunStatement != null)
            {
                additional = ImmutableArray.Create(pending.Frame.RunStatement.GetLocation());
            }

            if (priming != null)
            {
                // Left by priming: the message names the priming, and the priming call is a further location.
                return new Finding(Descriptors.PrimedTwinOf(pending.Rule), pending.Syntax.GetLocation(), ImmutableArray.Create(priming.Location.GetLocation()), properties.ToImmutable(), new object[] { name, pending.Api, priming.Description }, origins == null ? default : origins.ToImmutableArray());
            }

            return new Finding(pending.Rule, pending.Syntax.GetLocation(), additional, properties.ToImmutable(), new object[] { name, pending.Api }, origins == null ? default : origins.ToImmutableArray());
        }

        private static string HostOf(ISymbol? member, InitFrame frame)
        {
            if (member is ILocalSymbol && frame.Kind == InitRootKind.EntryPoint)
            {
                return HookHosts.EntryPoint;
            }

            return member != null && member.IsStatic ? HookHosts.StaticConstructor : HookHosts.Constructor;
        }

        private static bool ContainsAwait(PendingFinding pending)
        {
            if (pending.Anchored || pending.StoreKind == StoreKinds.StartCall)
            {
                return pending.Syntax.Parent is AwaitExpressionSyntax || FixFacts.HasAwait(pending.Syntax);
            }

            return pending.Value != null && FixFacts.HasAwait(pending.Value.Syntax);
        }

        /// <summary>
        /// Whether the after-restore fix can re-run this initialization as it is: the store is a whole statement or
        /// initializer, in the body that hosts the hook (constructor, static constructor, entry point), for a member of
        /// that body's type, and its value uses nothing that the hook cannot see.
        /// </summary>
        private static bool IsFixable(PendingFinding pending, string host)
        {
            var frame = pending.Frame;
            var member = pending.Member;
            if (member == null || pending.StoreKind == StoreKinds.Argument)
            {
                return false;
            }

            // A value built from a chained constructor's parameter repeats the caller's value when re-run.
            if (!frame.Arguments.IsEmpty && pending.Value != null && ReadsBoundParameter(pending.Value, frame))
            {
                return false;
            }

            if (pending.Anchored)
            {
                return frame.AnchorFixable && member is not ILocalSymbol && member.ContainingType is { TypeKind: TypeKind.Class };
            }

            var expectedKind = host switch
            {
                HookHosts.EntryPoint => InitRootKind.EntryPoint,
                HookHosts.StaticConstructor => InitRootKind.Static,
                _ => InitRootKind.Instance,
            };

            if (frame.Kind != expectedKind)
            {
                return false;
            }

            if (member is ILocalSymbol local)
            {
                return IsTopLevelLocal(local);
            }

            if (member.ContainingType is not { TypeKind: TypeKind.Class } containing
                || !SymbolEqualityComparer.Default.Equals(containing.OriginalDefinition, frame.OwnerType))
            {
                return false;
            }

            switch (pending.StoreKind)
            {
                case StoreKinds.Initializer:
                    return pending.Value != null && FixFacts.UsesOnlyVisibleNames(pending.Value, allowParameters: false);
                case StoreKinds.Assignment:
                    return pending.Syntax.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax } } }
                        && pending.Value != null
                        && FixFacts.UsesOnlyVisibleNames(pending.Value, allowParameters: CountSourceConstructors(containing, member.IsStatic) == 1);
                case StoreKinds.StartCall:
                    return pending.Syntax.Parent is ExpressionStatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax } }
                        || pending.Syntax.Parent is ExpressionStatementSyntax { Parent: GlobalStatementSyntax };
                default:
                    return false;
            }
        }

        private static bool ReadsBoundParameter(IOperation value, InitFrame frame)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is IParameterReferenceOperation parameter && frame.Arguments.ContainsKey(parameter.Parameter.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static int CountSourceConstructors(INamedTypeSymbol type, bool isStatic)
        {
            var count = 0;
            foreach (var constructor in isStatic ? type.StaticConstructors : type.InstanceConstructors)
            {
                if (!constructor.IsImplicitlyDeclared)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>A local declared directly in the top-level statements or in <c>Main</c>'s outermost block.</summary>
        public static bool IsTopLevelLocal(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var statement = reference.GetSyntax().FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
                if (statement?.Parent is GlobalStatementSyntax || statement?.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
