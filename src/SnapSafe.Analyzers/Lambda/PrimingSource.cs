using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// How code comes to run before the snapshot: a before-snapshot hook (its own body, or a call it makes: the
    /// priming call), or a warm-up request the runtime replays through the pipeline before the snapshot.
    /// </summary>
    internal sealed class PrimingSource
    {
        private PrimingSource(HookRegistration? hook, WarmUpRequest? warmUp, IInvocationOperation? call)
        {
            Hook = hook;
            WarmUp = warmUp;
            Call = call;
        }

        /// <summary>The before-snapshot hook that runs the code (null for a warm-up request).</summary>
        public HookRegistration? Hook { get; }

        /// <summary>The warm-up request that reaches the code (null for a hook).</summary>
        public WarmUpRequest? WarmUp { get; }

        /// <summary>The call in the hook's own body that leads to the code (null for the hook body itself).</summary>
        public IInvocationOperation? Call { get; }

        /// <summary>Where priming is reported (SNAP011, SNAP044): the priming call, else the warm-up registration or the hook registration.</summary>
        public SyntaxNode Location => Call?.Syntax ?? WarmUp?.Registration ?? Hook!.Invocation.Syntax;

        /// <summary>What primes, for messages: "FunctionHandler called by a before-snapshot hook", "the warm-up request GET /health".</summary>
        public string Description
            => Call != null ? Call.TargetMethod.Name + " called by a before-snapshot hook"
                : WarmUp != null ? "the warm-up request " + WarmUp.Describe()
                : "a before-snapshot hook";

        public static PrimingSource FromHook(HookRegistration hook) => new PrimingSource(hook, null, null);

        public static PrimingSource FromWarmUp(WarmUpRequest warmUp) => new PrimingSource(null, warmUp, null);

        /// <summary>The code a call in the hook's own body reaches is primed through that call.</summary>
        public PrimingSource Through(IInvocationOperation call) => Call == null && Hook != null ? new PrimingSource(Hook, null, call) : this;
    }
}
