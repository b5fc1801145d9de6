using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>A delegate the request pipeline runs per request: an endpoint lambda, a middleware lambda or method group.</summary>
    internal readonly struct PipelineDelegate
    {
        public PipelineDelegate(IMethodSymbol? method, IOperation body)
        {
            Method = method;
            Body = body;
        }

        /// <summary>The method of a method group; null for a lambda.</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The lambda's or the method's body.</summary>
        public IOperation Body { get; }
    }

    /// <summary>
    /// One entry point of an ASP.NET Core function (a non-abstract class deriving from
    /// <c>Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction</c>): what its base constructor runs while it builds
    /// and starts the host, what the host then runs per request, and whether the start is deferred to the first request.
    /// </summary>
    internal sealed class AspNetCoreEntryPoint
    {
        public AspNetCoreEntryPoint(
            INamedTypeSymbol type,
            SyntaxNode? deferringArgument,
            bool deferralRemovable,
            ImmutableArray<IMethodSymbol> hostOverrides,
            ImmutableArray<INamedTypeSymbol> startupTypes,
            ImmutableArray<IMethodSymbol> startupMethods,
            ImmutableArray<IMethodSymbol> configureMethods,
            IMethodSymbol? beforeSnapshotRequests,
            ImmutableArray<IMethodSymbol> requestOverrides,
            ImmutableArray<PipelineDelegate> requestDelegates)
        {
            Type = type;
            DeferringArgument = deferringArgument;
            DeferralRemovable = deferralRemovable;
            HostOverrides = hostOverrides;
            StartupTypes = startupTypes;
            StartupMethods = startupMethods;
            ConfigureMethods = configureMethods;
            BeforeSnapshotRequests = beforeSnapshotRequests;
            RequestOverrides = requestOverrides;
            RequestDelegates = requestDelegates;
        }

        /// <summary>The entry point class (the type the handler string names; its <c>FunctionHandlerAsync</c> is inherited).</summary>
        public INamedTypeSymbol Type { get; }

        /// <summary>
        /// The constructor argument (<c>StartupMode.FirstRequest</c>) that makes the base class build the host on the
        /// first request instead of in the constructor; null when the host starts during init.
        /// </summary>
        public SyntaxNode? DeferringArgument { get; }

        /// <summary>True when the host is built on the first request, after the snapshot (nothing of it runs during init).</summary>
        public bool DefersStartup => DeferringArgument != null;

        /// <summary>True when <see cref="DeferringArgument"/> is the only argument of a <c>base(...)</c> call of a package constructor (it can simply go).</summary>
        public bool DeferralRemovable { get; }

        /// <summary>
        /// The overrides the base constructor runs while it builds the host, most derived first found:
        /// <c>Init(IWebHostBuilder)</c>, <c>Init(IHostBuilder)</c>, <c>CreateHostBuilder()</c>, <c>PostCreateHost</c>,
        /// <c>PostCreateWebHost</c>.
        /// </summary>
        public ImmutableArray<IMethodSymbol> HostOverrides { get; }

        /// <summary>The startup classes: <c>UseStartup&lt;T&gt;()</c> in the host overrides, or the generic base's <c>TStartup</c>.</summary>
        public ImmutableArray<INamedTypeSymbol> StartupTypes { get; }

        /// <summary>The startup classes' <c>ConfigureServices</c>, <c>ConfigureContainer</c> and <c>Configure</c> methods (environment variants included).</summary>
        public ImmutableArray<IMethodSymbol> StartupMethods { get; }

        /// <summary>The startup classes' <c>Configure(IApplicationBuilder, ...)</c> methods: their other parameters are resolved from the container during init.</summary>
        public ImmutableArray<IMethodSymbol> ConfigureMethods { get; }

        /// <summary>
        /// The <c>GetBeforeSnapshotRequests()</c> override: the warm-up requests the base class sends through the
        /// pipeline (5 times each) in a before-snapshot hook it registers at the end of <c>Start()</c>: after the hooks
        /// the host code (startup class, <c>Init</c> overrides) registers, before those of the entry point's constructor
        /// body. Null when not overridden.
        /// </summary>
        public IMethodSymbol? BeforeSnapshotRequests { get; }

        /// <summary>Overrides the base class calls per request (<c>FunctionHandlerAsync</c>, <c>PostMarshall*</c>, ...).</summary>
        public ImmutableArray<IMethodSymbol> RequestOverrides { get; }

        /// <summary>The delegates the host code gives the request pipeline (endpoint and middleware lambdas, method groups).</summary>
        public ImmutableArray<PipelineDelegate> RequestDelegates { get; }
    }
}
