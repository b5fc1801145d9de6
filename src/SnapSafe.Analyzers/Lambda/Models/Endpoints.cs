using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// Per-request code an ASP.NET Core app maps: an endpoint (<c>MapGet("/orders/{id}", handler)</c>, in a route group or
    /// not) or a middleware (<c>app.Use(...)</c>, which runs for every request).
    /// </summary>
    internal sealed class Endpoint
    {
        public Endpoint(string? pattern, ImmutableArray<string> methods, IOperation handler, SyntaxNode registration, bool isMiddleware)
        {
            Pattern = pattern;
            Methods = methods;
            Handler = handler;
            Registration = registration;
            IsMiddleware = isMiddleware;
        }

        /// <summary>The full route pattern (group prefixes included); null when it is not a constant.</summary>
        public string? Pattern { get; }

        /// <summary>The HTTP methods it accepts, upper case; empty for any.</summary>
        public ImmutableArray<string> Methods { get; }

        /// <summary>The body of the handler (a lambda's body or a method's).</summary>
        public IOperation Handler { get; }

        public SyntaxNode Registration { get; }

        /// <summary>True for middleware: it runs for every request, whatever its path.</summary>
        public bool IsMiddleware { get; }

        /// <summary>Whether a warm-up request reaches this endpoint; unknown when its method, path or this pattern is not a constant.</summary>
        public RouteMatch Accepts(WarmUpRequest request)
        {
            if (IsMiddleware)
            {
                return RouteMatch.Yes;
            }

            if (request.Method == null || request.Path == null || Pattern == null)
            {
                return RouteMatch.Unknown;
            }

            if (!Methods.IsEmpty && !Methods.Contains(request.Method))
            {
                return RouteMatch.No;
            }

            return RoutePattern.Match(Pattern, request.Path);
        }
    }

    /// <summary>
    /// Reads the endpoints and middleware a body maps (and the source helpers it calls to map them, two calls deep), and
    /// the conventional controller route patterns it declares (<c>MapControllerRoute</c>, <c>MapDefaultControllerRoute</c>,
    /// <c>MapRoute</c>). Lambdas <paramref name="runsWithCall"/> says run with the call that receives them
    /// (<c>UseEndpoints(endpoints => ...)</c>) are read as part of the body.
    /// </summary>
    internal static class EndpointTable
    {
        private const int MaxDepth = 2;

        /// <summary>The pattern of <c>MapDefaultControllerRoute()</c> and <c>UseMvcWithDefaultRoute()</c>.</summary>
        public const string DefaultControllerRoute = "{controller=Home}/{action=Index}/{id?}";

        public static List<Endpoint> Read(IOperation body, SourceBodies bodies, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf, Func<IOperation, bool>? runsWithCall = null)
            => Read(body, bodies, valuesOf, runsWithCall, new List<string>());

        public static List<Endpoint> Read(IOperation body, SourceBodies bodies, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf, Func<IOperation, bool>? runsWithCall, List<string> conventions)
        {
            var result = new List<Endpoint>();
            Read(body, bodies, valuesOf, runsWithCall, ImmutableDictionary<IParameterSymbol, string?>.Empty.WithComparers(SymbolEqualityComparer.Default), result, conventions, 0, new HashSet<SyntaxNode>());
            return result;
        }

        private static void Read(IOperation body, SourceBodies bodies, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf, Func<IOperation, bool>? runsWithCall, ImmutableDictionary<IParameterSymbol, string?> prefixes, List<Endpoint> result, List<string> conventions, int depth, HashSet<SyntaxNode> seen)
        {
            if (!seen.Add(body.Syntax))
            {
                return;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is not IInvocationOperation invocation || IsInsideLaterClosure(operation, body, runsWithCall))
                {
                    continue;
                }

                if (ConventionalPattern(invocation) is { } convention)
                {
                    conventions.Add(convention);
                    continue;
                }

                var method = invocation.TargetMethod;
                var receiver = OperationFacts.Receiver(invocation);
                var methods = MethodsOf(method.Name, invocation);
                if (methods != null && receiver != null && IsRouteBuilder(receiver.Type))
                {
                    var prefix = PrefixOf(receiver, valuesOf, prefixes, 0);
                    var pattern = ArgumentNamed(invocation, "pattern") is { } patternValue ? Constant(patternValue) : (method.Name == "MapFallback" ? "{*path}" : null);
                    var full = prefix == null || pattern == null ? null : RoutePattern.Combine(prefix, pattern);
                    foreach (var handler in HandlerBodies(invocation, bodies, valuesOf))
                    {
                        result.Add(new Endpoint(full, methods.Value, handler, invocation.Syntax, isMiddleware: false));
                    }
                }
                else if ((method.Name == "Use" || method.Name == "Run") && receiver != null && IsApplicationBuilder(receiver.Type) && invocation.Arguments.Length >= 2)
                {
                    foreach (var handler in HandlerBodies(invocation, bodies, valuesOf))
                    {
                        result.Add(new Endpoint(null, ImmutableArray<string>.Empty, handler, invocation.Syntax, isMiddleware: true));
                    }
                }
                else if (depth < MaxDepth && SymbolFacts.IsInSource(method) && bodies.BodyOf(method.OriginalDefinition) is { } helper)
                {
                    // A helper that maps endpoints on the builder it is given (app.MapOrderEndpoints()).
                    var bound = ImmutableDictionary<IParameterSymbol, string?>.Empty.WithComparers(SymbolEqualityComparer.Default);
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter != null && IsRouteBuilder(argument.Value.Type))
                        {
                            bound = bound.SetItem(argument.Parameter.OriginalDefinition, PrefixOf(argument.Value, valuesOf, prefixes, 0));
                        }
                    }

                    Read(helper, bodies, valuesOf, runsWithCall, bound, result, conventions, depth + 1, seen);
                }
            }
        }

        /// <summary>True when the operation sits in a lambda or local function below <paramref name="body"/> that runs later (not with the call that receives it).</summary>
        private static bool IsInsideLaterClosure(IOperation operation, IOperation body, Func<IOperation, bool>? runsWithCall)
        {
            for (var current = operation.Parent; current != null && current != body; current = current.Parent)
            {
                if (current is ILocalFunctionOperation || (current is IAnonymousFunctionOperation lambda && !(runsWithCall != null && RunsWithCall(lambda, runsWithCall))))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool RunsWithCall(IOperation lambda, Func<IOperation, bool> runsWithCall)
            => runsWithCall(lambda) || (lambda.Parent is IDelegateCreationOperation creation && runsWithCall(creation));

        /// <summary>The pattern of a conventional controller route: <c>MapControllerRoute(name, pattern)</c>, <c>MapDefaultControllerRoute()</c>, <c>routes.MapRoute(name, template)</c>.</summary>
        private static string? ConventionalPattern(IInvocationOperation invocation)
        {
            switch (invocation.TargetMethod.Name)
            {
                case "MapDefaultControllerRoute":
                case "UseMvcWithDefaultRoute":
                    return DefaultControllerRoute;
                case "MapControllerRoute":
                case "MapAreaControllerRoute":
                    return ArgumentNamed(invocation, "pattern") is { } pattern ? Constant(pattern) : null;
                case "MapRoute":
                    return ArgumentNamed(invocation, "template") is { } template ? Constant(template) : null;
                default:
                    return null;
            }
        }

        private static ImmutableArray<string>? MethodsOf(string name, IInvocationOperation invocation) => name switch
        {
            "MapGet" => ImmutableArray.Create("GET"),
            "MapPost" => ImmutableArray.Create("POST"),
            "MapPut" => ImmutableArray.Create("PUT"),
            "MapDelete" => ImmutableArray.Create("DELETE"),
            "MapPatch" => ImmutableArray.Create("PATCH"),
            "Map" or "MapFallback" => ImmutableArray<string>.Empty,
            "MapMethods" => ConstantMethods(ArgumentNamed(invocation, "httpMethods")),
            _ => null,
        };

        private static ImmutableArray<string>? ConstantMethods(IOperation? value)
        {
            value = value == null ? null : OperationFacts.Unwrap(value);
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                var result = ImmutableArray.CreateBuilder<string>();
                foreach (var element in initializer.ElementValues)
                {
                    if (Constant(element) is not { } text)
                    {
                        return null;
                    }

                    result.Add(text.ToUpperInvariant());
                }

                return result.ToImmutable();
            }

            return null;
        }

        /// <summary>The route prefix of a builder: "" for the app, the MapGroup prefixes for a group, null when unknown.</summary>
        private static string? PrefixOf(IOperation builder, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf, ImmutableDictionary<IParameterSymbol, string?> prefixes, int depth)
        {
            builder = OperationFacts.Unwrap(builder);
            if (depth > 4)
            {
                return null;
            }

            switch (builder)
            {
                case IInvocationOperation { TargetMethod.Name: "MapGroup" } group when OperationFacts.Receiver(group) is { } outer:
                    var outerPrefix = PrefixOf(outer, valuesOf, prefixes, depth + 1);
                    var groupPattern = ArgumentNamed(group, "prefix") is { } prefixValue ? Constant(prefixValue) : null;
                    return outerPrefix == null || groupPattern == null ? null : RoutePattern.Combine(outerPrefix, groupPattern);

                case IInvocationOperation call when IsRouteBuilder(call.Type) && OperationFacts.Receiver(call) is { } chained && IsRouteBuilder(chained.Type):
                    // group.WithTags(...), group.RequireAuthorization(): the same builder.
                    return PrefixOf(chained, valuesOf, prefixes, depth + 1);

                case ILocalReferenceOperation local:
                    var values = valuesOf(local);
                    return values.Count == 1 ? PrefixOf(values[0], valuesOf, prefixes, depth + 1) : null;

                case IParameterReferenceOperation parameter:
                    return prefixes.TryGetValue(parameter.Parameter.OriginalDefinition, out var bound) ? bound : (parameter.Type != null && IsGroup(parameter.Type) ? null : string.Empty);

                default:
                    return IsGroup(builder.Type) ? null : string.Empty;
            }
        }

        private static IEnumerable<IOperation> HandlerBodies(IInvocationOperation invocation, SourceBodies bodies, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf)
        {
            var value = invocation.Arguments[invocation.Arguments.Length - 1].Value;
            for (var depth = 0; depth < 4; depth++)
            {
                value = OperationFacts.Unwrap(value);
                switch (value)
                {
                    case IDelegateCreationOperation creation:
                        value = creation.Target;
                        continue;
                    case IAnonymousFunctionOperation lambda:
                        return new[] { lambda.Body };
                    case IMethodReferenceOperation reference when bodies.BodyOf(reference.Method.OriginalDefinition) is { } methodBody:
                        return new[] { methodBody };
                    case ILocalReferenceOperation local when valuesOf(local) is { Count: 1 } values:
                        value = values[0];
                        continue;
                }

                break;
            }

            return Array.Empty<IOperation>();
        }

        private static IOperation? ArgumentNamed(IInvocationOperation invocation, string name)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static string? Constant(IOperation value)
            => OperationFacts.Unwrap(value).ConstantValue is { HasValue: true, Value: string text } ? text : null;

        private static bool IsRouteBuilder(ITypeSymbol? type) => Implements(type, "IEndpointRouteBuilder", "Routing");

        private static bool IsApplicationBuilder(ITypeSymbol? type) => Implements(type, "IApplicationBuilder", "Builder");

        private static bool IsGroup(ITypeSymbol? type) => type is { Name: "RouteGroupBuilder" };

        private static bool Implements(ITypeSymbol? type, string name, string ns)
        {
            if (type == null)
            {
                return false;
            }

            if (IsAspNetType(type, name, ns))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsAspNetType(implemented, name, ns))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAspNetType(ITypeSymbol type, string name, string ns)
            => type.Name == name && type.ContainingNamespace is { Name: var last, ContainingNamespace: { Name: "AspNetCore", ContainingNamespace.Name: "Microsoft" } } && last == ns;
    }
}
