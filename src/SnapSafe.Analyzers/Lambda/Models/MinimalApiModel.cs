using System.Collections.Generic;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// An ASP.NET Core minimal API: <c>builder.Services.AddAWSLambdaHosting(LambdaEventSource.X)</c> (directly or in a
    /// source helper), then <c>app.Run()</c>/<c>RunAsync()</c>. Init code: every statement before the host runs,
    /// instances passed to <c>AddSingleton(instance)</c> and singletons init resolves; per request: the endpoint
    /// lambdas (the locals they capture are kept). Warm-up requests (<c>AddAWSLambdaBeforeSnapshotRequest</c>) run the
    /// endpoints their route matches, and the middleware, before the snapshot.
    /// </summary>
    internal sealed class MinimalApiModel : EntryPointModel
    {
        private readonly EntryPointStart _start;
        private List<Endpoint>? _endpoints;

        public MinimalApiModel(ModelContext context, EntryPointStart start)
            : base(context, start)
        {
            _start = start;
        }

        public override string Name => "ASP.NET Core minimal API";

        protected override EntryPointKind Kind => EntryPointKind.MinimalApi;

        /// <summary>The endpoints and middleware the entry point maps.</summary>
        public IReadOnlyList<Endpoint> Endpoints
            => _endpoints ??= IsPresent && _start.Body is { } body
                ? EndpointTable.Read(body, Context.Bodies, local => _start.Facts(OperationFacts.RootOf(local)).ValuesOf(local.Local))
                : new List<Endpoint>();

        public override void EnqueueWarmUp(InitWalk walk, WarmUpRequest request, PrimingSource priming)
        {
            if (!IsPresent || Context.EntryPoint is not { } entryPoint)
            {
                return;
            }

            foreach (var endpoint in Endpoints)
            {
                if (endpoint.Accepts(request) == RouteMatch.Yes)
                {
                    walk.Enqueue(endpoint.Handler, new InitFrame(InitRootKind.Helper, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 1, entryPoint.ContainingType, entryPoint, priming: priming));
                }
            }
        }
    }
}
