using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP025: a configuration source that loads from a secret store added to a configuration builder in init code:
    /// <c>AddSystemsManager(...)</c> (Amazon.Extensions.Configuration.SystemsManager, always decrypted),
    /// <c>AddSecretsManager*(...)</c> (Kralizek.Extensions.Configuration.AWSSecretsManager and the packages that copy its
    /// name), <c>AddAppConfig*(...)</c>. The values are loaded when the configuration is built and live in
    /// <c>IConfiguration</c> in the snapshot. Reported at the <c>Add*</c> call; the fix reloads the configuration root in
    /// an after-restore hook where the root is reachable from the hook site.
    /// </summary>
    internal sealed class SNAP025ConfigurationLoadedFromSecretStore : IInitCallHazard
    {
        public static readonly SNAP025ConfigurationLoadedFromSecretStore Instance = new SNAP025ConfigurationLoadedFromSecretStore();

        private SNAP025ConfigurationLoadedFromSecretStore()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP025ConfigurationLoadedFromSecretStore;

        public DiagnosticDescriptor Rule => Descriptor;

        public bool TryMatchCall(IInvocationOperation invocation, IHazardContext context, out string api)
        {
            api = string.Empty;
            var method = invocation.TargetMethod;
            if (!ApiMatch.StartsWithAny(method.Name, "AddSystemsManager", "AddSecretsManager", "AddAppConfig")
                || !KnownTypes.Implements(OperationFacts.Receiver(invocation)?.Type, context.Types.IConfigurationBuilder))
            {
                return false;
            }

            api = method.Name + "(...)";
            return true;
        }

        public void Report(InitCall call, InitPhase phase, ICollection<Finding> findings)
        {
            var target = call.Frame.Anchor == null ? ReloadTarget(call, phase.Types) : null;
            if (IsReloadedAfterRestore(target?.Member, phase))
            {
                return;
            }

            var request = new FixRequest { Store = StoreKind.Reload };
            var additional = ImmutableArray<Location>.Empty;
            if (target != null)
            {
                var member = target.Value.Member;
                request.Member = member.Name;
                request.MemberKind = member is IPropertySymbol ? MemberKind.Property : member is ILocalSymbol ? MemberKind.Local : MemberKind.Field;
                request.IsStatic = member.IsStatic;
                request.Host = target.Value.Host;
                var run = call.Frame.RunStatement;
                if (target.Value.Host == HookHost.EntryPoint && run != null)
                {
                    additional = ImmutableArray.Create(run.GetLocation());
                    request.RuntimeStart = run.SyntaxTree == call.Syntax.SyntaxTree ? run.Span : null;
                }
            }

            var origins = call.Frame.Origin == null ? ImmutableArray<ISymbol>.Empty : ImmutableArray.Create(call.Frame.Origin);
            findings.Add(new Finding(Descriptor, call.Syntax.GetLocation(), additional, request.ToProperties(), new object[] { call.Api }, origins));
        }

        /// <summary>
        /// The member (or entry-point local) whose configuration root an after-restore hook can reload, and where that
        /// hook goes: the root a <c>Build()</c> at the end of the call's fluent chain is stored in (a field or property
        /// assigned in its own type's initialization, a top-level local), or the builder local whose
        /// <c>Configuration</c> the call adds to (<c>builder.Configuration.AddSystemsManager(...)</c> in top-level code).
        /// </summary>
        private static (ISymbol Member, HookHost Host)? ReloadTarget(InitCall call, KnownTypes types)
        {
            var frame = call.Frame;
            var receiver = OperationFacts.Unwrap(OperationFacts.Receiver(call.Invocation)!);
            if (receiver is IPropertyReferenceOperation { Property.Name: "Configuration", Instance: ILocalReferenceOperation builder }
                && KnownTypes.Implements(receiver.Type, types.IConfigurationRoot))
            {
                return frame.Kind == InitRootKind.EntryPoint ? (builder.Local, HookHost.EntryPoint) : ((ISymbol, HookHost)?)null;
            }

            // Up the fluent chain: config.AddSystemsManager(...).AddJsonFile(...).Build().
            IOperation current = call.Invocation;
            while (Next(current) is { } next)
            {
                current = next;
            }

            if (current is not IInvocationOperation { TargetMethod.Name: "Build" } build || !KnownTypes.Implements(build.Type, types.IConfigurationRoot))
            {
                return null;
            }

            var parent = build.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            ISymbol? member = parent switch
            {
                ISimpleAssignmentOperation { Target: var target } => OperationFacts.OwnMemberOf(target) ?? (target as ILocalReferenceOperation)?.Local,
                IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
                IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                _ => null,
            };

            switch (member)
            {
                case ILocalSymbol local when frame.Kind == InitRootKind.EntryPoint && KeptStateFindings.IsTopLevelLocal(local):
                    return (local, HookHost.EntryPoint);
                case ILocalSymbol local when frame.Kind == InitRootKind.Helper && KeptStateFindings.IsTopLevelLocal(local):
                    // A local of a method init runs once (ConfigureServices of a startup class): the hook goes in that method.
                    return (local, HookHost.InitMethod);
                case IFieldSymbol or IPropertySymbol when member.ContainingType is { TypeKind: TypeKind.Class } owner
                    && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, frame.OwnerType)
                    && (member.IsStatic ? frame.Kind == InitRootKind.Static : frame.Kind == InitRootKind.Instance):
                    return (member.OriginalDefinition, member.IsStatic ? HookHost.StaticConstructor : HookHost.Constructor);
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when an after-restore hook registered during init (its body or a method of the compilation it calls)
        /// calls <c>Reload()</c> on a configuration root: on <paramref name="member"/> (or its <c>Configuration</c>) when
        /// the root is known, on any root otherwise (the hook reloads the root it can reach).
        /// </summary>
        private static bool IsReloadedAfterRestore(ISymbol? member, InitPhase phase)
        {
            foreach (var hook in phase.Hooks.All)
            {
                if (!hook.AfterRestore)
                {
                    continue;
                }

                foreach (var body in hook.Bodies)
                {
                    if (Reloads(body, member, phase, 0, new HashSet<SyntaxNode>()))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Reloads(IOperation body, ISymbol? member, InitPhase phase, int depth, HashSet<SyntaxNode> seen)
        {
            if (depth > 3 || !seen.Add(body.Syntax))
            {
                return false;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                if (method.Name == "Reload" && method.Parameters.IsEmpty && invocation.Instance != null
                    && (KnownTypes.Implements(method.ContainingType, phase.Types.IConfigurationRoot) || KnownTypes.Implements(invocation.Instance.Type, phase.Types.IConfigurationRoot)))
                {
                    var root = OperationFacts.Unwrap(invocation.Instance);
                    if (root is IPropertyReferenceOperation { Property.Name: "Configuration", Instance: { } holder })
                    {
                        root = OperationFacts.Unwrap(holder);
                    }

                    if (member == null || SymbolEqualityComparer.Default.Equals(OperationFacts.SymbolOf(root), member.OriginalDefinition))
                    {
                        return true;
                    }
                }

                if (SymbolFacts.IsInSource(method) && SourceBodies.HasBody(method) && phase.Bodies.BodyOf(method.OriginalDefinition) is { } callee
                    && Reloads(callee, member, phase, depth + 1, seen))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The call made on the result of <paramref name="operation"/> in a fluent chain, if any.</summary>
        private static IInvocationOperation? Next(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IArgumentOperation)
            {
                if (parent is IArgumentOperation argument && (argument.Parent is not IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension || extension.Arguments[0] != argument))
                {
                    return null;
                }

                parent = parent.Parent;
            }

            return parent is IInvocationOperation invocation && OperationFacts.Receiver(invocation) is { } receiver && OperationFacts.Unwrap(receiver) == operation
                ? invocation
                : null;
        }
    }
}
