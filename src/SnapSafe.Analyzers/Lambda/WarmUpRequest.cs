using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// An <c>HttpRequestMessage</c> the runtime replays (5 times) through the pipeline before the snapshot: passed to
    /// <c>AddAWSLambdaBeforeSnapshotRequest</c> (minimal APIs) or returned by a <c>GetBeforeSnapshotRequests()</c>
    /// override (ASP.NET Core class library). What SnapSafe can read of it: the HTTP method, the path, and the
    /// expression that gives its URI.
    /// </summary>
    internal sealed class WarmUpRequest
    {
        private WarmUpRequest(SyntaxNode registration, IObjectCreationOperation? creation, string? method, IOperation? uri, string? path)
        {
            Registration = registration;
            Creation = creation;
            Method = method;
            Uri = uri;
            Path = path;
        }

        /// <summary>Where the request is handed to the runtime (the registration call, or the returned value).</summary>
        public SyntaxNode Registration { get; }

        /// <summary>The <c>new HttpRequestMessage(...)</c> that builds it, when SnapSafe can follow the value there.</summary>
        public IObjectCreationOperation? Creation { get; }

        /// <summary>The HTTP method in upper case (<c>GET</c> when none is given), or null when it is not a constant.</summary>
        public string? Method { get; }

        /// <summary>The expression that gives the request URI (a string or a <c>Uri</c>), when there is one.</summary>
        public IOperation? Uri { get; }

        /// <summary>The path the request asks for (without its query), or null when it is not a constant.</summary>
        public string? Path { get; }

        /// <summary>True for GET, HEAD and OPTIONS: methods that do not write.</summary>
        public bool IsReadOnly => Method is "GET" or "HEAD" or "OPTIONS";

        public string Describe() => (Method ?? "?") + " " + (Path ?? "?");

        /// <summary>
        /// Reads a warm-up request from the value handed to the runtime, following locals, conversions and the
        /// return values of same-compilation helpers (<paramref name="valuesOf"/> gives a local's values).
        /// </summary>
        public static WarmUpRequest Read(SyntaxNode registration, IOperation value, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf, SourceBodies bodies)
        {
            var creation = FindCreation(value, valuesOf, bodies, 0);
            if (creation == null)
            {
                return new WarmUpRequest(registration, null, null, null, null);
            }

            string? method = "GET";
            IOperation? uri = null;
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "method":
                        method = MethodOf(argument.Value);
                        break;
                    case "requestUri":
                        uri = argument.Value;
                        break;
                }
            }

            if (creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } assignment)
                    {
                        if (name == "Method")
                        {
                            method = MethodOf(assignment.Value);
                        }
                        else if (name == "RequestUri")
                        {
                            uri = assignment.Value;
                        }
                    }
                }
            }

            return new WarmUpRequest(registration, creation, method, uri, uri == null ? null : PathOf(uri));
        }

        private static IObjectCreationOperation? FindCreation(IOperation value, Func<ILocalReferenceOperation, IReadOnlyList<IOperation>> valuesOf, SourceBodies bodies, int depth)
        {
            if (depth > 4)
            {
                return null;
            }

            value = OperationFacts.Unwrap(value);
            switch (value)
            {
                case IObjectCreationOperation creation when IsHttpType(creation.Type, "HttpRequestMessage"):
                    return creation;

                case ILocalReferenceOperation local:
                    var values = valuesOf(local);
                    return values.Count == 1 ? FindCreation(values[0], valuesOf, bodies, depth + 1) : null;

                case IInvocationOperation { TargetMethod: var method } when SymbolFacts.IsInSource(method) && bodies.BodyOf(method.OriginalDefinition) is { } body:
                    IObjectCreationOperation? found = null;
                    foreach (var operation in body.Descendants())
                    {
                        if (operation is IReturnOperation { ReturnedValue: { } returned } && !OperationFacts.IsInsideClosure(operation, body))
                        {
                            var candidate = FindCreation(returned, valuesOf, bodies, depth + 1);
                            if (candidate == null || (found != null && found != candidate))
                            {
                                return null;
                            }

                            found = candidate;
                        }
                    }

                    return found;

                default:
                    return null;
            }
        }

        /// <summary><c>HttpMethod.Get</c> → GET, <c>new HttpMethod("post")</c> → POST; null when not a constant.</summary>
        private static string? MethodOf(IOperation value)
        {
            value = OperationFacts.Unwrap(value);
            switch (value)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true } property } when IsHttpType(property.ContainingType, "HttpMethod"):
                    return property.Name.ToUpperInvariant();
                case IObjectCreationOperation { Arguments.Length: 1 } creation when IsHttpType(creation.Type, "HttpMethod")
                    && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }:
                    return name.ToUpperInvariant();
                default:
                    return null;
            }
        }

        /// <summary>The path of a constant URI (a string, or <c>new Uri(string, ...)</c>), without query or fragment.</summary>
        private static string? PathOf(IOperation uri)
        {
            var text = UriText(uri);
            if (text == null)
            {
                return null;
            }

            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd >= 0)
            {
                var pathStart = text.IndexOf('/', schemeEnd + 3);
                text = pathStart < 0 ? "/" : text.Substring(pathStart);
            }

            var end = text.IndexOfAny(new[] { '?', '#' });
            if (end >= 0)
            {
                text = text.Substring(0, end);
            }

            return text.StartsWith("/", StringComparison.Ordinal) ? text : "/" + text;
        }

        /// <summary>True for <c>System.Net.Http.<paramref name="name"/></c>.</summary>
        public static bool IsHttpType(ITypeSymbol? type, string name)
            => type is { Name: var typeName, ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
                && typeName == name;

        /// <summary>The constant text of a URI expression: a string constant, or the string a <c>new Uri(...)</c> is built from.</summary>
        public static string? UriText(IOperation uri)
        {
            uri = OperationFacts.Unwrap(uri);
            if (uri.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            return uri is IObjectCreationOperation { Arguments.Length: >= 1 } creation && creation.Type is { Name: "Uri", ContainingNamespace.Name: "System" }
                && OperationFacts.Unwrap(creation.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string uriText }
                ? uriText
                : null;
        }
    }
}
