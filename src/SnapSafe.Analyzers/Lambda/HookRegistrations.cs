using System.Collections.Generic;
using System.Collections.Immutable;
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
        private readonly List<(HookRegistration Hook, ImmutableArray<int> Sequence)> _found = new List<(HookRegistration, ImmutableArray<int>)>();
        private readonly HashSet<SyntaxNode> _registrationSyntax = new HashSet<SyntaxNode>();
        private readonly List<(WarmUpRequest Request, InitFrame? Frame)> _warmUps = new List<(WarmUpRequest, InitFrame?)>();
        private List<HookRegistration>? _ordered;

        /// <summary>
        /// Warm-up requests the framework replays from a before-snapshot hook of its own: those init registers
        /// (<c>AddAWSLambdaBeforeSnapshotRequest</c>, with the frame that registers them) and those a model's functions
        /// return (<c>GetBeforeSnapshotRequests()</c>, no frame).
        /// </summary>
        public IReadOnlyList<(WarmUpRequest Request, InitFrame? Frame)> WarmUps => _warmUps;

        /// <summary>Every hook registered during init, in the order init registers them (read once the walk is done).</summary>
        public IReadOnlyList<HookRegistration> All => _ordered ??= Order();

        /// <summary>True when init makes this registration call.</summary>
        public bool IsMadeDuringInit(IInvocationOperation registration) => _registrationSyntax.Contains(registration.Syntax);

        /// <summary>Records a registration the init walk reaches (each call once) at its place in init's execution order.</summary>
        public void Add(IInvocationOperation invocation, bool afterRestore, List<IOperation> bodies, InitFrame frame, ImmutableArray<int> sequence)
        {
            if (_registrationSyntax.Add(invocation.Syntax))
            {
                _found.Add((new HookRegistration(invocation, afterRestore, bodies, frame, 0), sequence));
                _ordered = null;
            }
        }

        private List<HookRegistration> Order()
        {
            var indexes = new List<int>(_found.Count);
            for (var i = 0; i < _found.Count; i++)
            {
                indexes.Add(i);
            }

            // Execution order; the order found breaks ties (the same position reached through two callers).
            indexes.Sort((a, b) =>
            {
                var bySequence = CompareSequences(_found[a].Sequence, _found[b].Sequence);
                return bySequence != 0 ? bySequence : a.CompareTo(b);
            });

            var ordered = new List<HookRegistration>(indexes.Count);
            foreach (var index in indexes)
            {
                var hook = _found[index].Hook;
                ordered.Add(new HookRegistration(hook.Invocation, hook.AfterRestore, hook.Bodies, hook.Frame, ordered.Count));
            }

            return ordered;
        }

        private static int CompareSequences(ImmutableArray<int> a, ImmutableArray<int> b)
        {
            for (var i = 0; i < a.Length && i < b.Length; i++)
            {
                var compared = a[i].CompareTo(b[i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return a.Length.CompareTo(b.Length);
        }

        /// <summary>Records a warm-up request init hands to the framework.</summary>
        public void AddWarmUp(WarmUpRequest request, InitFrame? frame)
        {
            foreach (var existing in _warmUps)
            {
                if (existing.Request.Registration == request.Registration)
                {
                    return;
                }
            }

            _warmUps.Add((request, frame));
        }

        /// <summary>True for <c>services.AddAWSLambdaBeforeSnapshotRequest(request)</c> (Amazon.Lambda.AspNetCoreServer.Hosting).</summary>
        public static bool IsWarmUpRegistration(IInvocationOperation invocation)
            => invocation.TargetMethod.Name == "AddAWSLambdaBeforeSnapshotRequest";

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

        /// <summary>True when a closure is an argument of a hook registration or of a LINQ operator (not kept).</summary>
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
                        return IsRegistration(invocation, types, out _) || IsLinqCall(invocation, types);
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
