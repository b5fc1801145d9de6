using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Turns what init keeps into findings once the whole walk is known: drops values an after-restore hook refreshes or
    /// every invocation re-assigns, merges what several functions reach into one finding per rule and location (it
    /// belongs to each of them), and writes the fix contract (<see cref="FixRequest"/>): what was kept, how it was
    /// stored, which host ran it and where the hazard came from. Whether a fix exists is the fix's decision.
    /// </summary>
    internal static class KeptStateFindings
    {
        public static IEnumerable<Finding> Publish(KeptState kept, AfterRestoreRefreshes refreshes, InvocationReach invocationReach, SyntaxNode? runtimeStart)
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

                // An instance handed to a container or a collection that refreshes its own state after restore.
                if ((pending.StoreKind == StoreKind.ContainerInstance || pending.StoreKind == StoreKind.CollectionElement)
                    && refreshes.RefreshesInstance(pending.Value, pending.Source))
                {
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
                yield return ToFinding(pending, origins, invocationReach, runtimeStart);
            }
        }

        private static Finding ToFinding(PendingFinding pending, HashSet<ISymbol>? origins, InvocationReach invocationReach, SyntaxNode? runtimeStart)
        {
            var member = pending.Member;
            var name = member == null ? "singleton " + (pending.Value?.Type?.Name ?? "instance")
                : member.IsStatic && member.ContainingType != null && !SymbolFacts.IsInSource(member) ? member.ContainingType.Name + "." + member.Name
                : member.Name;
            var frame = pending.Frame;
            var priming = frame.Priming;

            // State left by priming is stored by handler code: the hook that repeats it goes where init registers the priming.
            var host = priming != null ? PrimingHost(priming, runtimeStart) : pending.Anchored ? HostOfAnchor(pending.Syntax) : FixContract.HostOf(frame.Kind);
            var request = new FixRequest
            {
                Member = name,
                MemberKind = member switch
                {
                    IPropertySymbol => MemberKind.Property,
                    ILocalSymbol => MemberKind.Local,
                    _ => MemberKind.Field,
                },
                IsStatic = member != null && member.IsStatic,
                Store = pending.StoreKind,
                Host = host,
                Source = pending.Source != null && pending.Source.SyntaxTree == pending.Syntax.SyntaxTree ? pending.Source.Span : null,
                FromCaller = !pending.Anchored && !frame.Arguments.IsEmpty && pending.Value != null && ReadsBoundParameter(pending.Value, frame)
                    && !(pending.Source != null && pending.Value.Syntax.Span.Contains(pending.Source.Span) && pending.Source.SyntaxTree == pending.Value.Syntax.SyntaxTree),
                HostRunsPerInvocation = host == HookHost.Constructor && !pending.Anchored && ConstructedPerInvocation(frame.OwnerType, invocationReach),
                Primed = priming != null,
            };

            var additional = ImmutableArray<Location>.Empty;
            var run = priming != null ? runtimeStart : frame.RunStatement ?? runtimeStart;
            if (host == HookHost.EntryPoint && run != null && run.SyntaxTree == pending.Syntax.SyntaxTree)
            {
                request.RuntimeStart = run.Span;
            }

            if (priming != null)
            {
                // Left by priming: the message names the priming, and the priming call is a further location.
                return new Finding(Descriptors.PrimedTwinOf(pending.Rule), pending.Syntax.GetLocation(), ImmutableArray.Create(priming.Location.GetLocation()), request.ToProperties(), new object[] { name, pending.Api, priming.Description }, origins == null ? default : origins.ToImmutableArray());
            }

            // A captured local of the entry point also carries the runtime start as its additional location (the contract's first form).
            if (member is ILocalSymbol && frame.Kind == InitRootKind.EntryPoint && frame.RunStatement != null)
            {
                additional = ImmutableArray.Create(frame.RunStatement.GetLocation());
            }

            return new Finding(pending.Rule, pending.Syntax.GetLocation(), additional, request.ToProperties(), new object[] { name, pending.Api }, origins == null ? default : origins.ToImmutableArray());
        }

        /// <summary>
        /// Where init registers the priming: the host of the code that registers the before-snapshot hook, or, for a
        /// warm-up request (replayed by a hook the host registers when it starts), the entry point before the runtime
        /// starts; none where no statement starts the runtime (an ASP.NET Core entry point class).
        /// </summary>
        private static HookHost PrimingHost(PrimingSource priming, SyntaxNode? runtimeStart)
            => priming.WarmUp != null
                ? (runtimeStart != null ? HookHost.EntryPoint : HookHost.None)
                : FixContract.HostOf(priming.Hook!.Frame.Kind);

        /// <summary>The host of a finding reported at the call (in init code) of a helper that also runs per invocation: the body that makes the call.</summary>
        private static HookHost HostOfAnchor(SyntaxNode anchor)
        {
            foreach (var node in anchor.Ancestors())
            {
                switch (node)
                {
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                        return HookHost.None;
                    case ConstructorDeclarationSyntax constructor:
                        return constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? HookHost.StaticConstructor : HookHost.Constructor;
                    case GlobalStatementSyntax:
                        return HookHost.EntryPoint;
                    case MethodDeclarationSyntax { Identifier.ValueText: "Main" } main when main.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return HookHost.EntryPoint;
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                        return HookHost.InitMethod;
                    case MemberDeclarationSyntax:
                        // A field or property initializer: the type's constructors run it.
                        return node is BaseFieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.StaticKeyword)
                            || node is PropertyDeclarationSyntax property && property.Modifiers.Any(SyntaxKind.StaticKeyword)
                            ? HookHost.StaticConstructor
                            : HookHost.Constructor;
                }
            }

            return HookHost.None;
        }

        /// <summary>True when invocation code constructs the type too: its constructors then run per invocation.</summary>
        private static bool ConstructedPerInvocation(INamedTypeSymbol? type, InvocationReach invocationReach)
        {
            if (type == null)
            {
                return false;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (invocationReach.Reaches(constructor))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>A local declared directly in the top-level statements or in a method's outermost block (<c>Main</c>, <c>ConfigureServices</c>).</summary>
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
