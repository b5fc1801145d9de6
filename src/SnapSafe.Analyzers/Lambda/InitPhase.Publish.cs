using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A hazard found during the walk, waiting for the refresh facts that only the whole walk gives.</summary>
    internal sealed class PendingFinding
    {
        public PendingFinding(DiagnosticDescriptor rule, string api, ISymbol? member, IOperation? value, SyntaxNode syntax, string storeKind, InitFrame frame, bool anchored)
        {
            Rule = rule;
            Api = api;
            Member = member;
            Value = value;
            Syntax = syntax;
            StoreKind = storeKind;
            Frame = frame;
            Anchored = anchored;
        }

        public DiagnosticDescriptor Rule { get; }

        public string Api { get; }

        /// <summary>The kept field, property or local (null for a value handed to a DI container).</summary>
        public ISymbol? Member { get; }

        public IOperation? Value { get; }

        public SyntaxNode Syntax { get; }

        public string StoreKind { get; }

        public InitFrame Frame { get; }

        /// <summary>True when reported at the call of a helper that also runs per invocation.</summary>
        public bool Anchored { get; }
    }

    internal sealed partial class InitPhase
    {
        private void Publish()
        {
            var findings = new Dictionary<SyntaxTree, List<Finding>>();
            var seen = new HashSet<(string, SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan)>();

            // One finding per rule and location; it belongs to every origin that reaches it.
            var groups = new Dictionary<(string, SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan), (PendingFinding First, HashSet<ISymbol>? Origins)>();
            var order = new List<(string, SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan)>();
            foreach (var pending in _pending)
            {
                var member = pending.Member;
                if (member != null && (_refreshed.Contains(member) || IsAssignedPerInvocation(member)))
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
                var member = pending.Member;
                var tree = pending.Syntax.SyntaxTree;
                seen.Add(key);
                var name = member?.Name ?? "singleton " + (pending.Value?.Type?.Name ?? "instance");
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
                properties[FixProperties.Fixable] = IsFixable(pending, host) ? "true" : "false";

                var additional = ImmutableArray<Location>.Empty;
                if (host == HookHosts.EntryPoint && pending.Frame.RunStatement != null)
                {
                    additional = ImmutableArray.Create(pending.Frame.RunStatement.GetLocation());
                }

                var finding = new Finding(pending.Rule, pending.Syntax.GetLocation(), additional, properties.ToImmutable(), new object[] { name, pending.Api }, origins == null ? default : origins.ToImmutableArray());
                if (!findings.TryGetValue(tree, out var list))
                {
                    list = new List<Finding>();
                    findings.Add(tree, list);
                }

                list.Add(finding);
            }

            foreach (var finding in _hookFindings)
            {
                var tree = finding.Location.SourceTree;
                if (tree == null || !seen.Add((finding.Rule.Id, tree, finding.Location.SourceSpan)))
                {
                    continue;
                }

                if (!findings.TryGetValue(tree, out var list))
                {
                    list = new List<Finding>();
                    findings.Add(tree, list);
                }

                list.Add(finding);
            }

            _findings = findings;
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
                return pending.Syntax.Parent is AwaitExpressionSyntax || HasAwait(pending.Syntax);
            }

            return pending.Value != null && HasAwait(pending.Value.Syntax);
        }

        private static bool HasAwait(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax)))
            {
                if (descendant is AwaitExpressionSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the after-restore fix can re-run this initialization as it is: the store is a whole statement or
        /// initializer, in the body that hosts the hook (constructor, static constructor, entry point), for a member of
        /// that body's type, and its value uses nothing that the hook cannot see.
        /// </summary>
        private bool IsFixable(PendingFinding pending, string host)
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
                    return pending.Value != null && UsesOnlyVisibleNames(pending.Value, allowParameters: false);
                case StoreKinds.Assignment:
                    return pending.Syntax.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax } } }
                        && pending.Value != null
                        && UsesOnlyVisibleNames(pending.Value, allowParameters: CountSourceConstructors(containing, member.IsStatic) == 1);
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
        private static bool IsTopLevelLocal(ILocalSymbol local)
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

        /// <summary>The value refers to no local, and to parameters only where allowed (a hook in the same constructor sees them).</summary>
        private static bool UsesOnlyVisibleNames(IOperation value, bool allowParameters)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation:
                        return false;
                    case IParameterReferenceOperation parameter when !allowParameters || parameter.Parameter.RefKind != RefKind.None:
                        return false;
                }
            }

            return true;
        }
    }
}
