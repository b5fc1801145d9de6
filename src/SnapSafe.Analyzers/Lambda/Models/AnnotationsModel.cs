using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// Lambda Annotations (1.6.0 and later): classes with <c>[LambdaFunction]</c> methods, built with their services by
    /// the generated wrapper during init, and a <c>[LambdaStartup]</c> class whose <c>ConfigureServices</c> (or
    /// <c>ConfigureHostBuilder</c>) runs first. Init code: the startup class's initialization and configuration, the
    /// function class's initialization, and the services its constructors take; per invocation: the function methods.
    /// </summary>
    internal sealed class AnnotationsModel : ProgrammingModel
    {
        private readonly List<INamedTypeSymbol> _functionTypes = new List<INamedTypeSymbol>();
        private readonly List<INamedTypeSymbol> _startupTypes = new List<INamedTypeSymbol>();

        public AnnotationsModel(ModelContext context)
            : base(context)
        {
        }

        public override string Name => "Lambda Annotations";

        public override bool IsPresent => _functionTypes.Count > 0;

        /// <summary>Classes with <c>[LambdaFunction]</c> methods, in the order recognized.</summary>
        public IReadOnlyList<INamedTypeSymbol> FunctionTypes => _functionTypes;

        /// <summary><c>[LambdaStartup]</c> classes.</summary>
        public IReadOnlyList<INamedTypeSymbol> StartupTypes => _startupTypes;

        /// <summary>True when the type has a <c>[LambdaFunction]</c> method.</summary>
        public static bool HasFunctionMethods(INamedTypeSymbol type, KnownTypes types)
        {
            if (types.LambdaFunctionAttribute == null)
            {
                return false;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && SymbolFacts.HasAttribute(method.GetAttributes(), types.LambdaFunctionAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        public override bool Recognize(INamedTypeSymbol type)
        {
            if (Types.LambdaStartupAttribute != null && SymbolFacts.HasAttribute(type.GetAttributes(), Types.LambdaStartupAttribute))
            {
                _startupTypes.Add(type);
            }

            if (HasFunctionMethods(type, Types))
            {
                _functionTypes.Add(type);
                return true;
            }

            return false;
        }

        public override void EnqueueSetup(InitWalk walk)
        {
            // [LambdaStartup].ConfigureServices (or ConfigureHostBuilder) runs first in the generated wrapper; its
            // registrations tell which implementations the function class receives.
            foreach (var startup in _startupTypes)
            {
                walk.EnsureStaticInit(startup, origin: null);
                walk.EnqueueInstanceInit(startup, constructor: null, thisKept: false, anchor: null, anchorFixable: false, origin: null);
                foreach (var member in startup.GetMembers())
                {
                    if (member is IMethodSymbol { Name: "ConfigureServices" or "ConfigureHostBuilder" } method && Context.Bodies.BodyOf(method) is { } body)
                    {
                        walk.Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 0, startup, origin: null));
                    }
                }
            }
        }

        public override void EnqueueFunctionObjects(InitWalk walk)
        {
            foreach (var function in _functionTypes)
            {
                EnqueueFunctionObject(walk, function);
            }
        }

        public override void EnqueueContainerServices(InitWalk walk, ServiceRegistrations services)
        {
            // The generated wrapper builds the function class through dependency injection during init, and with it
            // every service its constructor takes.
            foreach (var function in _functionTypes)
            {
                services.EnqueueInjectedServices(walk, function, function);
            }
        }

        public override void AddInvocationRoots(CodeReach reach)
        {
            foreach (var function in _functionTypes)
            {
                ClassLibraryModel.AddHandlerMethods(reach, function, Context);
            }
        }

        public override HookHost HookHostFor(IInvocationOperation registration) => ClassLibraryModel.HookHostInFunctionType(registration, Context.FunctionTypes);
    }
}
