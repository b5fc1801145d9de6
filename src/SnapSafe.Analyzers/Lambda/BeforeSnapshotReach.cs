using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>One body that runs before the snapshot because of priming, and how.</summary>
    internal sealed class PrimedBody
    {
        private readonly List<(IOperation CallSite, PrimedBody Caller)> _callers = new List<(IOperation, PrimedBody)>();

        public PrimedBody(IOperation body, PrimingSource source, bool isInvocationCode)
        {
            Body = body;
            Source = source;
            IsInvocationCode = isInvocationCode;
        }

        /// <summary>True when the body is per-invocation code (a handler method, the handler delegate, an endpoint): priming runs the function.</summary>
        public bool IsInvocationCode { get; }

        public IOperation Body { get; }

        /// <summary>The priming that reaches the body first (the hook, the priming call, the warm-up request).</summary>
        public PrimingSource Source { get; }

        /// <summary>The calls (and the primed bodies they sit in) through which priming reaches this body; none for a root.</summary>
        public IReadOnlyList<(IOperation CallSite, PrimedBody Caller)> Callers => _callers;

        internal void AddCaller(IOperation callSite, PrimedBody caller) => _callers.Add((callSite, caller));
    }

    /// <summary>
    /// The code that runs before the snapshot because of priming: the bodies of before-snapshot hooks and what they
    /// call (the handler methods and delegates they invoke included), and the endpoints warm-up requests reach, each
    /// with the priming that reaches it. Filled by the init walk, which runs this code as it runs init code (so the
    /// state it leaves is kept state), and read by the priming rules.
    /// </summary>
    internal sealed class BeforeSnapshotReach
    {
        private readonly Dictionary<SyntaxNode, PrimedBody> _bodies = new Dictionary<SyntaxNode, PrimedBody>();
        private readonly List<PrimedBody> _order = new List<PrimedBody>();

        /// <summary>Every primed body, in the order the walk reached them.</summary>
        public IReadOnlyList<PrimedBody> Bodies => _order;

        /// <summary>True when the method's body runs before the snapshot; <paramref name="source"/> says through which priming.</summary>
        public bool RunsBeforeSnapshot(IMethodSymbol method, SourceBodies bodies, out PrimingSource? source)
        {
            source = null;
            if (bodies.BodyOf(method.OriginalDefinition) is { } body && _bodies.TryGetValue(body.Syntax, out var primed))
            {
                source = primed.Source;
                return true;
            }

            return false;
        }

        /// <summary>The primed body with this syntax, if it is one.</summary>
        public PrimedBody? Find(SyntaxNode body) => _bodies.TryGetValue(body, out var primed) ? primed : null;

        internal PrimedBody Add(IOperation body, PrimingSource source, bool isInvocationCode = false)
        {
            if (!_bodies.TryGetValue(body.Syntax, out var primed))
            {
                primed = new PrimedBody(body, source, isInvocationCode);
                _bodies.Add(body.Syntax, primed);
                _order.Add(primed);
            }

            return primed;
        }

        /// <summary>Records that <paramref name="callSite"/> in a primed body reaches <paramref name="callee"/>.</summary>
        internal void AddCall(IOperation callerBody, IOperation callSite, IOperation callee, PrimingSource calleeSource, bool isInvocationCode)
        {
            if (_bodies.TryGetValue(callerBody.Syntax, out var caller))
            {
                Add(callee, calleeSource, isInvocationCode || caller.IsInvocationCode).AddCaller(callSite, caller);
            }
        }

        /// <summary>True when the hook's priming runs per-invocation code (the handler, the handler delegate).</summary>
        public bool PrimesFunction(HookRegistration hook)
        {
            foreach (var body in _order)
            {
                if (body.IsInvocationCode && body.Source.Hook == hook)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
