using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A <c>SnapshotRestore.Register*</c> call made during init, with the bodies its hook runs.</summary>
    internal sealed class HookRegistration
    {
        public HookRegistration(IInvocationOperation invocation, bool afterRestore, List<IOperation> bodies, InitFrame frame, int order)
        {
            Invocation = invocation;
            AfterRestore = afterRestore;
            Bodies = bodies;
            Frame = frame;
            Order = order;
        }

        public IInvocationOperation Invocation { get; }

        public bool AfterRestore { get; }

        /// <summary>The lambda body or the method body the hook runs (several when a helper registers what it is given).</summary>
        public List<IOperation> Bodies { get; }

        public InitFrame Frame { get; }

        /// <summary>
        /// The position of the registration in the order init makes them (0 first). After-restore hooks run in this
        /// order; before-snapshot hooks run in reverse.
        /// </summary>
        public int Order { get; }

        public string Kind => AfterRestore ? "after-restore" : "before-snapshot";
    }

    /// <summary>
    /// The runtime hooks registered during init, in registration order, and the hook API itself
    /// (<c>Amazon.Lambda.Core.SnapshotRestore</c>).
    /// </summary>
    internal sealed class HookRegistrations
    {
        private readonly List<HookRegistration> _hooks = new List<HookRegistration>();
        private readonly HashSet<SyntaxNode> _registrationSyntax = new HashSet<SyntaxNode>();

        /// <summary>Every hook registered during init, in the order init registers them.</summary>
        public IReadOnlyList<HookRegistration> All => _hooks;

        /// <summary>True when init makes this registration call.</summary>
        public bool IsMadeDuringInit(IInvocationOperation registration) => _registrationSyntax.Contains(registration.Syntax);

        /// <summary>Records a registration the init walk reaches (each call once, in the order reached).</summary>
        public void Add(IInvocationOperation invocation, bool afterRestore, List<IOperation> bodies, InitFrame frame)
        {
            if (_registrationSyntax.Add(invocation.Syntax))
            {
                _hooks.Add(new HookRegistration(invocation, afterRestore, bodies, frame, _hooks.Count));
            }
        }

        /// <summary>True for <c>SnapshotRestore.RegisterBeforeSnapshot</c>/<c>RegisterAfterRestore</c>.</summary>
        public static bool IsRegistration(IInvocationOperation invocation, KnownTypes types, out bool afterRestore)
        {
            afterRestore = false;
            var method = invocation.TargetMethod;
            if (types.SnapshotRestore == null || !KnownTypes.Is(method.ContainingType, types.SnapshotRestore))
            {
                return false;
            }

            if (method.Name == "RegisterAfterRestore")
            {
                afterRestore = true;
                return true;
            }

            return method.Name == "RegisterBeforeSnapshot";
        }

        /// <summary>True when a closure is an argument of a hook registration, of a LINQ operator or of a host builder's configuration (not kept).</summary>
        public static bool IsNonEscapingClosure(IOperation closure, KnownTypes types)
        {
            for (var current = closure.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IDelegateCreationOperation:
                    case IConversionOperation:
                    case IArgumentOperation:
                        continue;
                    case IInvocationOperation invocation:
                        return IsRegistration(invocation, types, out _) || IsLinqCall(invocation, types)
                            || HostBuilderCallbacks.IsCallbackRegistration(invocation, types);
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="operation"/> sits inside the arguments of a hook registration below <paramref name="body"/>.</summary>
        public static bool IsInsideRegistration(IOperation operation, IOperation body, KnownTypes types)
        {
            for (var current = operation.Parent; current != null && current != body.Parent; current = current.Parent)
            {
                if (current is IInvocationOperation invocation && IsRegistration(invocation, types, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLinqCall(IInvocationOperation invocation, KnownTypes types)
            => KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Enumerable) || KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Queryable);
    }
}
