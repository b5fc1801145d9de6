using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// ASP.NET Core in a class library (Amazon.Lambda.AspNetCoreServer, AWS's ASP.NET Core Web API blueprint): a
    /// non-abstract class deriving from <c>AbstractAspNetCoreFunction</c> (<c>APIGatewayProxyFunction</c>,
    /// <c>APIGatewayHttpApiV2ProxyFunction</c>, <c>ApplicationLoadBalancerFunction</c>, their generic
    /// <c>&lt;TStartup&gt;</c> forms) whose inherited <c>FunctionHandlerAsync</c> is the handler. Its base constructor
    /// builds and starts the host during init (with the default <c>StartupMode.Constructor</c>): init code is the entry
    /// point's own initialization, the overrides the base class runs while it builds the host (<c>Init</c>,
    /// <c>CreateHostBuilder</c>, <c>PostCreateHost</c>, <c>PostCreateWebHost</c>), the startup class
    /// (<c>UseStartup&lt;T&gt;()</c> or the generic argument: its constructor, <c>ConfigureServices</c>,
    /// <c>Configure</c>), the callbacks given to the builders, the services <c>Configure</c> takes and the middleware
    /// the pipeline builds. Per request: controller actions, endpoint and middleware delegates, middleware
    /// <c>Invoke</c>/<c>InvokeAsync</c>, the overrides the base class calls per request. With
    /// <c>StartupMode.FirstRequest</c> the host is built on the first request, after restore: only the entry point's
    /// own initialization is init code.
    /// </summary>
    internal sealed class AspNetCoreFunctionModel : ProgrammingModel
    {
        private const int MaxScanDepth = 3;
        private const int MaxChainDepth = 8;

        private readonly AspNetCoreTypes? _aspNet;
        private readonly List<INamedTypeSymbol> _candidates = new List<INamedTypeSymbol>();
        private readonly List<AspNetCoreEntryPoint> _entryPoints = new List<AspNetCoreEntryPoint>();
        private readonly HashSet<ISymbol> _entryTypes = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly List<INamedTypeSymbol> _controllers = new List<INamedTypeSymbol>();
        private readonly List<INamedTypeSymbol> _middleware = new List<INamedTypeSymbol>();
        private readonly HashSet<ISymbol> _builtDuringInit = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxNode, AspNetCoreEntryPoint> _warmUpEntryPoints = new Dictionary<SyntaxNode, AspNetCoreEntryPoint>();
        private readonly Dictionary<AspNetCoreEntryPoint, (List<Endpoint> Endpoints, List<ActionRoute> Actions)> _routes = new Dictionary<AspNetCoreEntryPoint, (List<Endpoint>, List<ActionRoute>)>();

        public AspNetCoreFunctionModel(ModelContext context)
            : base(context)
        {
            _aspNet = AspNetCoreTypes.Resolve(context.Compilation, context.Types);
        }

        public override string Name => "ASP.NET Core in a class library";

        public override bool IsPresent => _candidates.Count > 0;

        /// <summary>The entry points (function types of this model), in the order recognized.</summary>
        public IReadOnlyList<AspNetCoreEntryPoint> EntryPoints => _entryPoints;

        /// <summary>Controllers (deriving from <c>ControllerBase</c> or marked <c>[Controller]</c>/<c>[ApiController]</c>): built per request.</summary>
        public IReadOnlyList<INamedTypeSymbol> Controllers => _controllers;

        /// <summary>Middleware classes (an <c>Invoke</c>/<c>InvokeAsync</c> taking <c>HttpContext</c>, or <c>IMiddleware</c>): <c>Invoke</c> runs per request.</summary>
        public IReadOnlyList<INamedTypeSymbol> Middleware => _middleware;

        /// <summary>
        /// True for a source class whose base is <c>Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction</c>
        /// (abstract or not): this model's, never the class-library model's.
        /// </summary>
        public static bool IsEntryPointType(INamedTypeSymbol type, KnownTypes types)
            => types.AbstractAspNetCoreFunction != null && type.TypeKind == TypeKind.Class && KnownTypes.IsOrDerives(type.BaseType, types.AbstractAspNetCoreFunction);

        /// <summary>The entry point of a type of this model, if it is one.</summary>
        public AspNetCoreEntryPoint? EntryPointOf(INamedTypeSymbol type)
        {
            foreach (var entryPoint in _entryPoints)
            {
                if (SymbolEqualityComparer.Default.Equals(entryPoint.Type, type.OriginalDefinition))
                {
                    return entryPoint;
                }
            }

            return null;
        }

        /// <summary>The action methods of a controller: its public instance methods and those of its source base classes, except <c>[NonAction]</c> ones.</summary>
        public IEnumerable<IMethodSymbol> ActionsOf(INamedTypeSymbol controller)
        {
            for (var type = controller; type != null && SymbolFacts.IsInSource(type); type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsAbstract: false } method
                        && !(_aspNet?.NonActionAttribute is { } nonAction && SymbolFacts.HasAttribute(method.GetAttributes(), nonAction)))
                    {
                        yield return method;
                    }
                }
            }
        }

        /// <summary>True when init code has the pipeline build the middleware (<c>UseMiddleware&lt;T&gt;()</c>): it is built once, during init.</summary>
        public bool IsBuiltDuringInit(INamedTypeSymbol type) => _builtDuringInit.Contains(type.OriginalDefinition);

        public override bool Recognize(INamedTypeSymbol type)
        {
            if (_aspNet == null || type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            if (IsController(type))
            {
                _controllers.Add(type);
            }
            else if (IsMiddleware(type))
            {
                _middleware.Add(type);
            }

            if (type.IsAbstract || type.IsStatic || !IsEntryPointType(type, Types))
            {
                return false;
            }

            _candidates.Add(type);
            _entryTypes.Add(type);
            return true;
        }

        public override void Complete()
        {
            foreach (var candidate in _candidates)
            {
                _entryPoints.Add(Describe(candidate));
            }
        }

        public override void EnqueueSetup(InitWalk walk)
        {
            // What the base constructor runs while it builds and starts the host, before the derived constructor body.
            foreach (var entryPoint in _entryPoints)
            {
                if (entryPoint.DefersStartup)
                {
                    continue;
                }

                var origin = entryPoint.Type;
                foreach (var method in entryPoint.HostOverrides)
                {
                    EnqueueBody(walk, method, thisKept: true, origin);
                }

                // The host keeps the startup object (its Configure delegate holds it), so its fields are kept state.
                foreach (var startup in entryPoint.StartupTypes)
                {
                    walk.EnqueueInstanceInit(startup, constructor: null, thisKept: true, anchor: null, anchorFixable: false, origin);
                }

                foreach (var method in entryPoint.StartupMethods)
                {
                    EnqueueBody(walk, method, thisKept: !method.IsStatic, origin);
                }
            }
        }

        public override void EnqueueFunctionObjects(InitWalk walk)
        {
            // The entry point's own initialization runs during init whatever the startup mode.
            foreach (var entryPoint in _entryPoints)
            {
                EnqueueFunctionObject(walk, entryPoint.Type);
            }
        }

        public override void EnqueueContainerServices(InitWalk walk, ServiceRegistrations services)
        {
            // Configure(IApplicationBuilder app, IMyService service): the host resolves the other parameters when it starts.
            foreach (var entryPoint in _entryPoints)
            {
                if (entryPoint.DefersStartup)
                {
                    continue;
                }

                foreach (var configure in entryPoint.ConfigureMethods)
                {
                    for (var i = 1; i < configure.Parameters.Length; i++)
                    {
                        services.RecordResolved(configure.Parameters[i].Type, entryPoint.Type);
                    }
                }
            }

            // UseMiddleware<T>() builds convention middleware once, when the pipeline is built; AddHostedService<T>()
            // services are built and started with the host. Both are kept for the host's life.
            foreach (var activated in services.Activated)
            {
                if (activated.Value is not { } origin || !_entryTypes.Contains(origin) || KnownTypes.Implements(activated.Key, _aspNet?.IMiddleware))
                {
                    continue;
                }

                var type = activated.Key;
                _builtDuringInit.Add(type);
                walk.EnqueueInstanceInit(type, constructor: null, thisKept: true, anchor: null, anchorFixable: false, origin);
                services.EnqueueInjectedServices(walk, type, origin);
                if (KnownTypes.Implements(type, _aspNet?.IHostedService))
                {
                    // The host starts its hosted services when it starts: StartAsync written in source is init code.
                    foreach (var member in type.GetMembers("StartAsync"))
                    {
                        if (member is IMethodSymbol { IsStatic: false } startAsync)
                        {
                            EnqueueBody(walk, startAsync, thisKept: true, origin);
                        }
                    }
                }
            }
        }

        public override void AddInvocationRoots(CodeReach reach)
        {
            if (!IsPresent)
            {
                return;
            }

            foreach (var controller in _controllers)
            {
                foreach (var constructor in controller.InstanceConstructors)
                {
                    AddRoot(reach, constructor, "a controller, which is built per request");
                }

                foreach (var action in ActionsOf(controller))
                {
                    AddRoot(reach, action, "a controller action");
                }
            }

            foreach (var middleware in _middleware)
            {
                foreach (var member in middleware.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, Name: "Invoke" or "InvokeAsync" } invoke)
                    {
                        AddRoot(reach, invoke, "middleware, which runs per request");
                    }
                }
            }

            // Code another entry point runs during init stays init code, even when a deferred entry point shares it.
            var runDuringInit = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var entryPoint in _entryPoints)
            {
                if (!entryPoint.DefersStartup)
                {
                    runDuringInit.UnionWith(entryPoint.HostOverrides);
                    runDuringInit.UnionWith(entryPoint.StartupTypes);
                    runDuringInit.UnionWith(entryPoint.StartupMethods);
                }
            }

            foreach (var entryPoint in _entryPoints)
            {
                foreach (var method in entryPoint.RequestOverrides)
                {
                    AddRoot(reach, method, "an override the base class calls per request");
                }

                foreach (var pipelineDelegate in entryPoint.RequestDelegates)
                {
                    reach.AddRoot(pipelineDelegate.Method, pipelineDelegate.Body, "an endpoint or middleware delegate");
                }

                if (!entryPoint.DefersStartup)
                {
                    continue;
                }

                // StartupMode.FirstRequest: the whole host is built by the first request, after restore.
                const string Deferred = "startup code that StartupMode.FirstRequest runs on the first request";
                foreach (var method in entryPoint.HostOverrides)
                {
                    if (!runDuringInit.Contains(method))
                    {
                        AddRoot(reach, method, Deferred);
                    }
                }

                foreach (var startup in entryPoint.StartupTypes)
                {
                    if (runDuringInit.Contains(startup))
                    {
                        continue;
                    }

                    foreach (var constructor in startup.InstanceConstructors)
                    {
                        AddRoot(reach, constructor, Deferred);
                    }
                }

                foreach (var method in entryPoint.StartupMethods)
                {
                    if (!runDuringInit.Contains(method))
                    {
                        AddRoot(reach, method, Deferred);
                    }
                }
            }
        }

        public override HookHost HookHostFor(IInvocationOperation registration)
        {
            // A late registration in middleware the pipeline builds during init can move to its constructor. Controllers
            // are built per request and startup code deferred to the first request runs after restore: neither has
            // init code of its own to move to.
            if (!IsPresent || registration.SemanticModel == null)
            {
                return HookHost.None;
            }

            for (var node = registration.Syntax.Parent; node != null; node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax)
                {
                    return HookHost.None;
                }

                if (node is MethodDeclarationSyntax method)
                {
                    return registration.SemanticModel.GetDeclaredSymbol(method) is { ContainingType: { } owner } declared && IsBuiltDuringInit(owner)
                        ? (declared.IsStatic ? HookHost.StaticConstructor : HookHost.Constructor)
                        : HookHost.None;
                }
            }

            return HookHost.None;
        }

        /// <summary>
        /// The requests each entry point's <c>GetBeforeSnapshotRequests()</c> override returns (the base class replays them, 5
        /// times each, from a before-snapshot hook it registers in its constructor once the host is started); none for an
        /// entry point that defers its startup to the first request.
        /// </summary>
        public override IEnumerable<WarmUpRequest> WarmUpRequests(IHazardContext context)
        {
            foreach (var entryPoint in _entryPoints)
            {
                if (entryPoint.DefersStartup || entryPoint.BeforeSnapshotRequests is not { } method || Context.Bodies.BodyOf(method.OriginalDefinition) is not { } body)
                {
                    continue;
                }

                RoutesOf(entryPoint, context);
                foreach (var value in ReturnedRequests(body))
                {
                    var request = WarmUpRequest.Read(value.Syntax, value, context.ValuesOf, Context.Bodies);
                    var key = request.Creation?.Syntax ?? value.Syntax;
                    if (!_warmUpEntryPoints.ContainsKey(key))
                    {
                        _warmUpEntryPoints.Add(key, entryPoint);
                        yield return request;
                    }
                }
            }
        }

        /// <summary>
        /// The per-request code a warm-up request of an entry point reaches: the controller actions and endpoints whose route
        /// matches it, the middleware delegates and the middleware classes the pipeline built (they run for every request).
        /// </summary>
        public override void EnqueueWarmUp(InitWalk walk, WarmUpRequest request, PrimingSource priming)
        {
            var key = request.Creation?.Syntax ?? request.Registration;
            if (!_warmUpEntryPoints.TryGetValue(key, out var entryPoint))
            {
                return;
            }

            if (!_routes.TryGetValue(entryPoint, out var routes))
            {
                return;
            }

            var (endpoints, actions) = routes;
            var origin = entryPoint.Type;
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Accepts(request) == RouteMatch.Yes)
                {
                    walk.Enqueue(endpoint.Handler, new InitFrame(InitRootKind.Helper, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 1, entryPoint.Type, origin, priming: priming));
                }
            }

            foreach (var action in actions)
            {
                if (action.Accepts(request) == RouteMatch.Yes && Context.Bodies.BodyOf(action.Action.OriginalDefinition) is { } body)
                {
                    // A controller is built per request: its fields are not kept.
                    walk.Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 1, action.Action.ContainingType.OriginalDefinition, origin, priming: priming));
                }
            }

            foreach (var middleware in _middleware)
            {
                if (!IsBuiltDuringInit(middleware))
                {
                    continue;
                }

                foreach (var member in middleware.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, Name: "Invoke" or "InvokeAsync", IsStatic: false } invoke
                        && Context.Bodies.BodyOf(invoke.OriginalDefinition) is { } invokeBody)
                    {
                        walk.Enqueue(invokeBody, new InitFrame(InitRootKind.Helper, thisKept: true, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 1, middleware.OriginalDefinition, origin, priming: priming));
                    }
                }
            }
        }

        /// <summary>The endpoints and middleware delegates an entry point's <c>Configure</c> maps, and its controllers' action routes.</summary>
        public (List<Endpoint> Endpoints, List<ActionRoute> Actions) RoutesOf(AspNetCoreEntryPoint entryPoint, IHazardContext context)
        {
            if (_routes.TryGetValue(entryPoint, out var routes))
            {
                return routes;
            }

            var endpoints = new List<Endpoint>();
            var conventions = new List<string>();
            foreach (var configure in entryPoint.ConfigureMethods)
            {
                if (Context.Bodies.BodyOf(configure.OriginalDefinition) is { } body)
                {
                    endpoints.AddRange(EndpointTable.Read(body, Context.Bodies, context.ValuesOf, IsInitCallback, conventions));
                }
            }

            var actions = new List<ActionRoute>();
            foreach (var controller in _controllers)
            {
                actions.AddRange(ControllerRoutes.Of(controller, ActionsOf(controller), conventions));
            }

            routes = (endpoints, actions);
            _routes.Add(entryPoint, routes);
            return routes;
        }

        /// <summary>The request messages a <c>GetBeforeSnapshotRequests()</c> body returns: yielded or returned values, and the elements of a returned collection.</summary>
        private static IEnumerable<IOperation> ReturnedRequests(IOperation body)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is not IReturnOperation { ReturnedValue: { } returned } || OperationFacts.IsInsideClosure(operation, body))
                {
                    continue;
                }

                var value = OperationFacts.Unwrap(returned);
                if (WarmUpRequest.IsHttpType(value.Type, "HttpRequestMessage"))
                {
                    yield return value;
                    continue;
                }

                // new[] { ... }, new List<HttpRequestMessage> { ... }, [ ... ]: each request built in the collection.
                foreach (var element in value.DescendantsAndSelf())
                {
                    if (element is IObjectCreationOperation creation && WarmUpRequest.IsHttpType(creation.Type, "HttpRequestMessage"))
                    {
                        yield return creation;
                    }
                    else if (element is IInvocationOperation call && WarmUpRequest.IsHttpType(call.Type, "HttpRequestMessage"))
                    {
                        yield return call;
                    }
                }
            }
        }

        public override bool RunsDuringInit(IInvocationOperation call, IParameterSymbol parameter)
        {
            if (_aspNet == null || !IsPresent || parameter.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke })
            {
                return false;
            }

            // A host builder runs every callback it is given while the host is built (ConfigureServices,
            // ConfigureAppConfiguration, ConfigureWebHostDefaults, UseStartup factories, ...).
            if (_aspNet.IsHostBuilder(OperationFacts.Receiver(call)?.Type))
            {
                return true;
            }

            // Action<IApplicationBuilder> (Map, UseWhen branches), Action<IEndpointRouteBuilder> (UseEndpoints),
            // Action<ILoggingBuilder> (AddLogging): configuration callbacks the call runs before it returns.
            if (!invoke.ReturnsVoid)
            {
                return false;
            }

            foreach (var delegateParameter in invoke.Parameters)
            {
                if (_aspNet.IsBuilder(delegateParameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private void EnqueueBody(InitWalk walk, IMethodSymbol method, bool thisKept, ISymbol origin)
        {
            if (Context.Bodies.BodyOf(method.OriginalDefinition) is { } body)
            {
                walk.EnsureStaticInit(method.ContainingType, origin);
                walk.Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 0, method.ContainingType.OriginalDefinition, origin));
            }
        }

        private void AddRoot(CodeReach reach, IMethodSymbol method, string where)
        {
            if (SymbolFacts.IsInSource(method) && Context.Bodies.BodyOf(method.OriginalDefinition) is { } body)
            {
                reach.AddRoot(method, body, where);
            }
        }

        /// <summary>Reads one entry point: its overrides, startup mode, startup classes and the delegates its host code gives the pipeline.</summary>
        private AspNetCoreEntryPoint Describe(INamedTypeSymbol type)
        {
            var aspNet = _aspNet!;
            var hostOverrides = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var requestOverrides = ImmutableArray.CreateBuilder<IMethodSymbol>();
            IMethodSymbol? beforeSnapshotRequests = null;
            var overridden = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (var current = type; current != null && SymbolFacts.IsInSource(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsOverride: true } method
                        || PackageMethodOf(method) is not { } packageMethod
                        || !overridden.Add(packageMethod.OriginalDefinition))
                    {
                        // Only the most derived override runs; a base.X() call in it runs the next one as a call.
                        continue;
                    }

                    switch (packageMethod.Name)
                    {
                        case "Init":
                        case "CreateHostBuilder":
                        case "PostCreateHost":
                        case "PostCreateWebHost":
                            hostOverrides.Add(method);
                            break;
                        case "GetBeforeSnapshotRequests":
                            beforeSnapshotRequests = method;
                            break;
                        default:
                            requestOverrides.Add(method);
                            break;
                    }
                }
            }

            var (deferringArgument, removable) = FindDeferral(type);

            var startupTypes = new List<INamedTypeSymbol>();
            var delegates = new List<PipelineDelegate>();
            var hostBodies = new List<IOperation>();
            foreach (var method in hostOverrides)
            {
                if (Context.Bodies.BodyOf(method.OriginalDefinition) is { } body)
                {
                    hostBodies.Add(body);
                }
            }

            Scan(hostBodies, startupTypes, delegates);
            if (GenericStartupOf(type, hostOverrides) is { } genericStartup && !startupTypes.Contains(genericStartup))
            {
                startupTypes.Add(genericStartup);
            }

            var startupMethods = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var configureMethods = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var startupBodies = new List<IOperation>();
            foreach (var startup in startupTypes)
            {
                foreach (var constructor in startup.InstanceConstructors)
                {
                    if (Context.Bodies.BodyOf(constructor) is { } body)
                    {
                        startupBodies.Add(body);
                    }
                }

                for (var current = startup; current != null && SymbolFacts.IsInSource(current); current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method)
                        {
                            continue;
                        }

                        var kind = StartupMethodKind(method, aspNet);
                        if (kind == 0 || ContainsOverride(startupMethods, method))
                        {
                            continue;
                        }

                        startupMethods.Add(method);
                        if (kind == 2)
                        {
                            configureMethods.Add(method);
                        }

                        if (Context.Bodies.BodyOf(method) is { } body)
                        {
                            startupBodies.Add(body);
                        }
                    }
                }
            }

            Scan(startupBodies, startupTypes: null, delegates);

            return new AspNetCoreEntryPoint(
                type,
                deferringArgument,
                removable,
                hostOverrides.ToImmutable(),
                startupTypes.ToImmutableArray(),
                startupMethods.ToImmutable(),
                configureMethods.ToImmutable(),
                beforeSnapshotRequests,
                requestOverrides.ToImmutable(),
                delegates.ToImmutableArray());
        }

        /// <summary>The package method an override overrides in the end, when it is a member of the package's function classes.</summary>
        private IMethodSymbol? PackageMethodOf(IMethodSymbol method)
        {
            var current = method;
            for (var depth = 0; current.OverriddenMethod != null && depth < MaxChainDepth; depth++)
            {
                current = current.OverriddenMethod;
            }

            return !SymbolFacts.IsInSource(current) && KnownTypes.IsOrDerives(current.ContainingType, _aspNet!.AbstractFunction) ? current : null;
        }

        /// <summary>1 for <c>ConfigureServices</c>/<c>ConfigureContainer</c> (and <c>Configure{Environment}Services</c>), 2 for <c>Configure(IApplicationBuilder, ...)</c> (and <c>Configure{Environment}</c>), 0 otherwise.</summary>
        private static int StartupMethodKind(IMethodSymbol method, AspNetCoreTypes aspNet)
        {
            var name = method.Name;
            if (!name.StartsWith("Configure", StringComparison.Ordinal) || method.Parameters.IsEmpty)
            {
                return 0;
            }

            var first = method.Parameters[0].Type;
            if (name.EndsWith("Services", StringComparison.Ordinal) && KnownTypes.IsA(first, aspNet.IServiceCollection))
            {
                return 1;
            }

            if (name.EndsWith("Container", StringComparison.Ordinal) && method.Parameters.Length == 1)
            {
                return 1;
            }

            return KnownTypes.IsA(first, aspNet.IApplicationBuilder) ? 2 : 0;
        }

        private static bool ContainsOverride(ImmutableArray<IMethodSymbol>.Builder methods, IMethodSymbol method)
        {
            foreach (var existing in methods)
            {
                for (var overridden = existing.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The <c>TStartup</c> of a generic package base (<c>APIGatewayProxyFunction&lt;Startup&gt;</c>), whose
        /// <c>Init(IWebHostBuilder)</c> calls <c>UseStartup&lt;TStartup&gt;()</c>, unless a source override replaces it
        /// without calling <c>base.Init</c>.
        /// </summary>
        private static INamedTypeSymbol? GenericStartupOf(INamedTypeSymbol type, ImmutableArray<IMethodSymbol>.Builder hostOverrides)
        {
            foreach (var method in hostOverrides)
            {
                if (method.Name == "Init" && method.Parameters.Length == 1 && method.Parameters[0].Type.Name == "IWebHostBuilder" && !CallsBase(method))
                {
                    return null;
                }
            }

            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (!SymbolFacts.IsInSource(current) && current.IsGenericType && current.TypeArguments.Length == 1
                    && current.OriginalDefinition.TypeParameters[0].Name == "TStartup")
                {
                    return current.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Class } startup && SymbolFacts.IsInSource(startup)
                        ? (INamedTypeSymbol)startup.OriginalDefinition
                        : null;
                }
            }

            return null;
        }

        private static bool CallsBase(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax, Name.Identifier.ValueText: var name } } && name == method.Name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Reads host code (and the source methods it calls, a few calls deep) the way the host runs it: through the
        /// callbacks the builders run during init, not into delegates that run later. Collects the startup classes
        /// <c>UseStartup</c> names and the delegates given to the request pipeline.
        /// </summary>
        private void Scan(List<IOperation> roots, List<INamedTypeSymbol>? startupTypes, List<PipelineDelegate> delegates)
        {
            var visited = new HashSet<SyntaxNode>();
            var work = new Stack<KeyValuePair<IOperation, int>>();
            foreach (var root in roots)
            {
                work.Push(new KeyValuePair<IOperation, int>(root, 0));
            }

            var operations = new Stack<IOperation>();
            while (work.Count > 0)
            {
                Context.Bodies.CancellationToken.ThrowIfCancellationRequested();
                var item = work.Pop();
                var body = item.Key;
                var depth = item.Value;
                if (!visited.Add(body.Syntax))
                {
                    continue;
                }

                operations.Push(body);
                while (operations.Count > 0)
                {
                    var operation = operations.Pop();
                    switch (operation)
                    {
                        case IDelegateCreationOperation creation:
                            if (IsInitCallback(creation))
                            {
                                if (OperationFacts.Unwrap(creation.Target) is IMethodReferenceOperation callback
                                    && SymbolFacts.IsInSource(callback.Method) && Context.Bodies.BodyOf(callback.Method.OriginalDefinition) is { } callbackBody)
                                {
                                    work.Push(new KeyValuePair<IOperation, int>(callbackBody, depth + 1));
                                }

                                break;
                            }

                            if (IsPipelineDelegate(creation))
                            {
                                switch (OperationFacts.Unwrap(creation.Target))
                                {
                                    case IAnonymousFunctionOperation lambda:
                                        delegates.Add(new PipelineDelegate(null, lambda.Body));
                                        break;
                                    case IMethodReferenceOperation reference when SymbolFacts.IsInSource(reference.Method)
                                        && Context.Bodies.BodyOf(reference.Method.OriginalDefinition) is { } methodBody:
                                        delegates.Add(new PipelineDelegate(reference.Method, methodBody));
                                        break;
                                }
                            }

                            continue;

                        case IAnonymousFunctionOperation when operation.Parent is IDelegateCreationOperation:
                            // Reached only through an init callback's delegate creation: read on.
                            break;

                        case IAnonymousFunctionOperation:
                        case ILocalFunctionOperation:
                            continue;

                        case IInvocationOperation invocation:
                            var method = invocation.TargetMethod;
                            if (startupTypes != null && method.Name == "UseStartup")
                            {
                                AddStartup(startupTypes, method.TypeArguments.Length == 1 ? method.TypeArguments[0] : TypeOfArgument(invocation));
                            }
                            else if (depth < MaxScanDepth && method.MethodKind == MethodKind.Ordinary && SymbolFacts.IsInSource(method)
                                && Context.Bodies.BodyOf(method.OriginalDefinition) is { } calleeBody)
                            {
                                work.Push(new KeyValuePair<IOperation, int>(calleeBody, depth + 1));
                            }

                            break;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        operations.Push(child);
                    }
                }
            }
        }

        private bool IsInitCallback(IOperation closure)
            => OperationFacts.IsArgument(closure, out var call, out var parameter) && RunsDuringInit(call!, parameter!);

        /// <summary>A delegate given to the request pipeline (<c>app.Run</c>, <c>app.Use</c>, <c>endpoints.MapGet</c>...): it runs per request.</summary>
        private bool IsPipelineDelegate(IOperation closure)
            => OperationFacts.IsArgument(closure, out var call, out _) && _aspNet!.IsPipelineBuilder(OperationFacts.Receiver(call!)?.Type);

        private static void AddStartup(List<INamedTypeSymbol> startupTypes, ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } startup && SymbolFacts.IsInSource(startup) && !startupTypes.Contains((INamedTypeSymbol)startup.OriginalDefinition))
            {
                startupTypes.Add((INamedTypeSymbol)startup.OriginalDefinition);
            }
        }

        private static ITypeSymbol? TypeOfArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (OperationFacts.Unwrap(argument.Value) is ITypeOfOperation typeOf)
                {
                    return typeOf.TypeOperand;
                }
            }

            return null;
        }

        /// <summary>
        /// The argument that makes the package build the host on the first request: a <c>StartupMode</c> (or the
        /// obsolete <c>AspNetCoreStartupMode</c>) constant equal to <c>FirstRequest</c> that reaches the package
        /// constructor from the constructor the runtime calls (the parameterless one), through <c>this(...)</c>,
        /// <c>base(...)</c> and the parameters they bind. A constructor body on that chain that calls <c>Start()</c>
        /// starts the host during init after all. Removable when it is the only argument of the package constructor call.
        /// </summary>
        private (SyntaxNode? Argument, bool Removable) FindDeferral(INamedTypeSymbol type)
        {
            IMethodSymbol? constructor = null;
            foreach (var candidate in type.InstanceConstructors)
            {
                if (candidate.Parameters.IsEmpty)
                {
                    constructor = candidate;
                }
            }

            var bindings = new Dictionary<IParameterSymbol, IArgumentOperation>(SymbolEqualityComparer.Default);
            for (var depth = 0; constructor != null && depth < MaxChainDepth; depth++)
            {
                var body = SymbolFacts.IsInSource(constructor) && !constructor.IsImplicitlyDeclared ? Context.Bodies.BodyOf(constructor) : null;
                if (body != null && StartsHost(body))
                {
                    return (null, false);
                }

                var call = body == null ? null : ChainedConstructorCall(body);
                if (call == null)
                {
                    // base(): the parameterless constructor of the base class (the package's one starts the host).
                    var baseType = constructor.ContainingType.BaseType;
                    constructor = null;
                    bindings.Clear();
                    if (baseType != null && SymbolFacts.IsInSource(baseType))
                    {
                        foreach (var candidate in baseType.InstanceConstructors)
                        {
                            if (candidate.Parameters.IsEmpty)
                            {
                                constructor = candidate;
                            }
                        }
                    }

                    continue;
                }

                var target = call.TargetMethod;
                if (SymbolFacts.IsInSource(target))
                {
                    var bound = new Dictionary<IParameterSymbol, IArgumentOperation>(SymbolEqualityComparer.Default);
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter != null)
                        {
                            bound[argument.Parameter.OriginalDefinition] = Resolve(argument, bindings);
                        }
                    }

                    bindings = bound;
                    constructor = target.OriginalDefinition;
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    // StartupMode, or the obsolete APIGatewayProxyFunction.AspNetCoreStartupMode (same values).
                    if (argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } mode && mode.Name.EndsWith("StartupMode", StringComparison.Ordinal)
                        && mode.ContainingNamespace?.ToDisplayString() == "Amazon.Lambda.AspNetCoreServer")
                    {
                        var source = Resolve(argument, bindings);
                        var value = OperationFacts.Unwrap(source.Value).ConstantValue;
                        if (value.HasValue && value.Value is int and 1)
                        {
                            var removable = ReferenceEquals(source, argument) && call.Arguments.Length == 1
                                && (argument.Syntax.Parent?.Parent is ConstructorInitializerSyntax { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.BaseKeyword }
                                    || argument.Syntax.Parent?.Parent is PrimaryConstructorBaseTypeSyntax);
                            return (source.Syntax, removable);
                        }
                    }
                }

                return (null, false);
            }

            return (null, false);
        }

        /// <summary>The argument a parameter reference stands for, through the bindings of the derived constructors.</summary>
        private static IArgumentOperation Resolve(IArgumentOperation argument, Dictionary<IParameterSymbol, IArgumentOperation> bindings)
            => OperationFacts.Unwrap(argument.Value) is IParameterReferenceOperation parameter
                && bindings.TryGetValue(parameter.Parameter.OriginalDefinition, out var bound)
                ? bound
                : argument;

        /// <summary>The <c>this(...)</c>/<c>base(...)</c> call of a constructor body (or a primary constructor's base call).</summary>
        private static IInvocationOperation? ChainedConstructorCall(IOperation body)
        {
            if (body is IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } primary)
            {
                return primary;
            }

            var initializer = body is IConstructorBodyOperation constructorBody ? constructorBody.Initializer : null;
            if (initializer is IExpressionStatementOperation statement)
            {
                initializer = statement.Operation;
            }

            if (initializer is IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } call)
            {
                return call;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } chained
                    && (chained.Syntax is ConstructorInitializerSyntax || chained.Syntax is PrimaryConstructorBaseTypeSyntax))
                {
                    return chained;
                }
            }

            return null;
        }

        /// <summary>True when the constructor body calls the package's <c>Start()</c> itself (outside closures).</summary>
        private bool StartsHost(IOperation body)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: { Name: "Start", Parameters.IsEmpty: true } start }
                    && !SymbolFacts.IsInSource(start)
                    && KnownTypes.IsOrDerives(start.ContainingType, _aspNet!.AbstractFunction)
                    && !OperationFacts.IsInsideClosure(operation, body))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsController(INamedTypeSymbol type)
        {
            var aspNet = _aspNet!;
            if (type.IsAbstract || type.IsStatic || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public
                || (aspNet.ControllerBase == null && aspNet.ControllerAttribute == null))
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                var attributes = current.GetAttributes();
                if (aspNet.NonControllerAttribute != null && SymbolFacts.HasAttribute(attributes, aspNet.NonControllerAttribute))
                {
                    return false;
                }

                if (aspNet.ControllerAttribute != null && SymbolFacts.HasAttribute(attributes, aspNet.ControllerAttribute))
                {
                    return true;
                }
            }

            return KnownTypes.IsOrDerives(type, aspNet.ControllerBase);
        }

        /// <summary>Middleware by shape: <c>IMiddleware</c>, or a public <c>Invoke</c>/<c>InvokeAsync</c> whose first parameter is <c>HttpContext</c>.</summary>
        private bool IsMiddleware(INamedTypeSymbol type)
        {
            var aspNet = _aspNet!;
            if (type.IsAbstract || type.IsStatic || aspNet.HttpContext == null)
            {
                return false;
            }

            if (KnownTypes.Implements(type, aspNet.IMiddleware))
            {
                return true;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, Name: "Invoke" or "InvokeAsync" } invoke
                    && !invoke.Parameters.IsEmpty && KnownTypes.IsOrDerives(invoke.Parameters[0].Type, aspNet.HttpContext))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
