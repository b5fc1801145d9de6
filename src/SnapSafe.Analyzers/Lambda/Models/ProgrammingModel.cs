using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// One way of writing a .NET Lambda function (class library, executable assembly, minimal API, Annotations...): how
    /// SnapSafe recognizes it, which of its code runs during init and which per invocation, and where a hook it
    /// registers too late can move. Each model is one file in this folder and one line in
    /// <see cref="ProgrammingModels"/>; the rest of the model (the walk, kept state, hooks) is shared.
    /// </summary>
    internal abstract class ProgrammingModel
    {
        protected ProgrammingModel(ModelContext context)
        {
            Context = context;
        }

        protected ModelContext Context { get; }

        protected KnownTypes Types => Context.Types;

        /// <summary>The model's name, as the docs call it.</summary>
        public abstract string Name { get; }

        /// <summary>True when the compilation contains a function written in this model.</summary>
        public abstract bool IsPresent { get; }

        /// <summary>
        /// Looks at one source class or struct during the single pass over the compilation's types. Returns true when
        /// the type is one of this model's function types: a type the runtime (or a generated wrapper) builds during
        /// init to serve invocations.
        /// </summary>
        public virtual bool Recognize(INamedTypeSymbol type) => false;

        /// <summary>After the pass over the types: decisions that need all of them (see <see cref="ClassLibraryModel"/>).</summary>
        public virtual void Complete()
        {
        }

        /// <summary>Init code that sets up the host or the container, before the function objects are built.</summary>
        public virtual void EnqueueSetup(InitWalk walk)
        {
        }

        /// <summary>The function objects the runtime builds during init: their static and instance initialization.</summary>
        public virtual void EnqueueFunctionObjects(InitWalk walk)
        {
        }

        /// <summary>What the service container builds during init for this model, once setup has been walked.</summary>
        public virtual void EnqueueContainerServices(InitWalk walk, ServiceRegistrations services)
        {
        }

        /// <summary>The code that runs per invocation: handler methods, handler delegates, endpoint lambdas.</summary>
        public virtual void AddInvocationRoots(CodeReach reach)
        {
        }

        /// <summary>
        /// Where a hook registration found in invocation code can move so that it is made during init
        /// (<see cref="HookHost"/>), when it is this model's code; <see cref="HookHost.None"/> otherwise.
        /// </summary>
        public virtual HookHost HookHostFor(IInvocationOperation registration) => HookHost.None;

        /// <summary>The statement that starts the Lambda runtime (code from there on is not init); null when there is none.</summary>
        public virtual SyntaxNode? RuntimeStart => null;

        /// <summary>
        /// The per-request code a warm-up request reaches in this model (the endpoints whose route matches, middleware),
        /// run before the snapshot through <paramref name="priming"/>. Where SnapSafe cannot tell whether a route
        /// matches, it assumes it does not.
        /// </summary>
        public virtual void EnqueueWarmUp(InitWalk walk, WarmUpRequest request, PrimingSource priming)
        {
        }

        /// <summary>
        /// The warm-up requests this model's functions hand to the runtime through their own code (not a registration call
        /// init makes): an ASP.NET Core entry point's <c>GetBeforeSnapshotRequests()</c>.
        /// </summary>
        public virtual IEnumerable<WarmUpRequest> WarmUpRequests(IHazardContext context) => System.Array.Empty<WarmUpRequest>();

        /// <summary>
        /// True when the delegate passed for <paramref name="parameter"/> of <paramref name="call"/> runs while the code
        /// that makes the call builds or starts the host (a host builder's <c>ConfigureServices</c> callback,
        /// <c>UseEndpoints</c>), never later: in init code it is init code too, and the locals it captures are not kept.
        /// </summary>
        public virtual bool RunsDuringInit(IInvocationOperation call, IParameterSymbol parameter) => false;

        /// <summary>The static and instance initialization of a type the runtime builds during init, kept for the function's life.</summary>
        protected static void EnqueueFunctionObject(InitWalk walk, INamedTypeSymbol type)
        {
            walk.EnsureStaticInit(type, type);
            if (!type.IsStatic)
            {
                walk.EnqueueInstanceInit(type, constructor: null, thisKept: true, anchor: null, anchorFixable: false, origin: type);
            }
        }
    }
}
