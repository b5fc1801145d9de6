using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Dependency injection as init code uses it, shared by the models that build a service container during init
    /// (minimal APIs, Annotations, ASP.NET Core in a class library): which implementation each service type is registered
    /// with, which are singletons, which services init code resolves, the classes it has the host build (middleware,
    /// hosted services), and the services a constructor built by the container takes.
    /// </summary>
    internal sealed class ServiceRegistrations
    {
        private const int MaxInjectionDepth = 3;

        private readonly Dictionary<ITypeSymbol, ITypeSymbol> _implementations = new Dictionary<ITypeSymbol, ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> _singletons = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly List<KeyValuePair<ITypeSymbol, ISymbol?>> _resolved = new List<KeyValuePair<ITypeSymbol, ISymbol?>>();
        private readonly List<KeyValuePair<INamedTypeSymbol, ISymbol?>> _activated = new List<KeyValuePair<INamedTypeSymbol, ISymbol?>>();

        /// <summary>
        /// Source classes that init code asks the host to build itself, once, when its pipeline is built or it starts:
        /// <c>UseMiddleware&lt;T&gt;()</c> middleware and <c>AddHostedService&lt;T&gt;()</c> services, with the origin whose
        /// init asked. The models whose host builds them during init enqueue them.
        /// </summary>
        public IReadOnlyList<KeyValuePair<INamedTypeSymbol, ISymbol?>> Activated => _activated;

        /// <summary>Records what an init call registers or resolves (<c>AddSingleton&lt;I, C&gt;()</c>, <c>GetRequiredService&lt;T&gt;()</c>).</summary>
        public void Record(IInvocationOperation invocation, ISymbol? origin)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "AddSingleton" || method.Name == "TryAddSingleton")
            {
                if (method.TypeArguments.Length >= 1)
                {
                    _singletons.Add(method.TypeArguments[0].OriginalDefinition);
                }
            }

            if (method.TypeArguments.Length == 2
                && (method.Name == "AddSingleton" || method.Name == "AddScoped" || method.Name == "AddTransient"
                    || method.Name == "TryAddSingleton" || method.Name == "TryAddScoped" || method.Name == "TryAddTransient"))
            {
                _implementations[method.TypeArguments[0].OriginalDefinition] = method.TypeArguments[1];
            }

            // services.GetRequiredService<T>() during init builds a singleton (and what it takes) before the snapshot.
            if ((method.Name == "GetRequiredService" || method.Name == "GetService") && method.TypeArguments.Length == 1)
            {
                _resolved.Add(new KeyValuePair<ITypeSymbol, ISymbol?>(method.TypeArguments[0].OriginalDefinition, origin));
            }
            else if ((method.Name == "GetRequiredService" || method.Name == "GetService") && method.TypeArguments.IsEmpty && TypeOfArgument(invocation) is { } requested)
            {
                // provider.GetService(typeof(T)): the same, written without generics.
                _resolved.Add(new KeyValuePair<ITypeSymbol, ISymbol?>(requested.OriginalDefinition, origin));
            }

            if (method.Name == "UseMiddleware" || method.Name == "AddHostedService")
            {
                var activated = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : TypeOfArgument(invocation);
                if (activated is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type && SymbolFacts.IsInSource(type))
                {
                    _activated.Add(new KeyValuePair<INamedTypeSymbol, ISymbol?>(type.OriginalDefinition, origin));
                }
            }
        }

        /// <summary>True when init code registers the service type as a singleton.</summary>
        public bool IsSingleton(ITypeSymbol service) => _singletons.Contains(service.OriginalDefinition);

        /// <summary>True when init code resolves the service type from the container.</summary>
        public bool IsResolvedDuringInit(ITypeSymbol service)
            => _resolved.Exists(r => SymbolEqualityComparer.Default.Equals(r.Key, service.OriginalDefinition));

        /// <summary>A service that the host resolves during init without a call SnapSafe sees (the parameters of <c>Startup.Configure</c>).</summary>
        public void RecordResolved(ITypeSymbol type, ISymbol? origin)
            => _resolved.Add(new KeyValuePair<ITypeSymbol, ISymbol?>(type.OriginalDefinition, origin));

        /// <summary><c>AddSingleton(instance)</c>: the instance the container keeps.</summary>
        public static bool IsSingletonInstance(IInvocationOperation invocation, out IOperation? instance)
        {
            instance = null;
            var method = invocation.TargetMethod;
            if (method.Name != "AddSingleton" && method.Name != "TryAddSingleton")
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "implementationInstance")
                {
                    instance = argument.Value;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The source class the container builds for a requested type (its registered implementation, or itself).</summary>
        public INamedTypeSymbol? ImplementationOf(ITypeSymbol requested)
        {
            var implementation = _implementations.TryGetValue(requested.OriginalDefinition, out var registered) ? registered : requested;
            return implementation is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } service && SymbolFacts.IsInSource(service) ? service : null;
        }

        /// <summary>The services the constructors of <paramref name="type"/> take, built by the container during init, and what they take in turn.</summary>
        public void EnqueueInjectedServices(InitWalk walk, INamedTypeSymbol type, ISymbol origin) => EnqueueInjectedServices(walk, type, origin, 0);

        /// <summary>Singletons that init code resolves from the container: built before the snapshot and kept by it.</summary>
        public void EnqueueResolvedSingletons(InitWalk walk)
        {
            foreach (var resolved in _resolved)
            {
                if (_singletons.Contains(resolved.Key)
                    && (_implementations.TryGetValue(resolved.Key, out var registered) ? registered : resolved.Key) is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } service
                    && SymbolFacts.IsInSource(service))
                {
                    walk.EnqueueInstanceInit(service, constructor: null, thisKept: true, anchor: null, anchorFixable: false, resolved.Value);
                    EnqueueInjectedServices(walk, service, resolved.Value ?? service, 0);
                }
            }
        }

        /// <summary>The <c>typeof(T)</c> argument of a call, if it has one.</summary>
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

        private void EnqueueInjectedServices(InitWalk walk, INamedTypeSymbol type, ISymbol origin, int depth)
        {
            if (depth > MaxInjectionDepth)
            {
                return;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (ImplementationOf(parameter.Type) is { } service)
                    {
                        walk.EnqueueInstanceInit(service, constructor: null, thisKept: true, anchor: null, anchorFixable: false, origin);
                        EnqueueInjectedServices(walk, service, origin, depth + 1);
                    }
                }
            }
        }
    }
}
