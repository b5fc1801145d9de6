using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>The route of one controller action: its pattern (tokens replaced) and the HTTP methods it accepts (empty: any).</summary>
    internal readonly struct ActionRoute
    {
        public ActionRoute(string pattern, ImmutableArray<string> methods, IMethodSymbol action)
        {
            Pattern = pattern;
            Methods = methods;
            Action = action;
        }

        public string Pattern { get; }

        public ImmutableArray<string> Methods { get; }

        public IMethodSymbol Action { get; }

        public RouteMatch Accepts(WarmUpRequest request)
        {
            if (request.Method == null || request.Path == null)
            {
                return RouteMatch.Unknown;
            }

            return !Methods.IsEmpty && !Methods.Contains(request.Method) ? RouteMatch.No : RoutePattern.Match(Pattern, request.Path);
        }
    }

    /// <summary>
    /// The routes of ASP.NET Core MVC controllers: attribute routes (<c>[Route]</c> on the class and the action,
    /// <c>[HttpGet("...")]</c> and the other verb attributes, <c>[AcceptVerbs]</c>; the <c>[controller]</c> and
    /// <c>[action]</c> tokens; a template starting with <c>/</c> or <c>~/</c> ignores the class prefix) and, for controllers
    /// without attribute routes, the conventional patterns (<c>{controller=Home}/{action=Index}/{id?}</c>).
    /// </summary>
    internal static class ControllerRoutes
    {
        private static readonly ImmutableDictionary<string, string> Verbs = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, string>("HttpGetAttribute", "GET"),
            new KeyValuePair<string, string>("HttpPostAttribute", "POST"),
            new KeyValuePair<string, string>("HttpPutAttribute", "PUT"),
            new KeyValuePair<string, string>("HttpDeleteAttribute", "DELETE"),
            new KeyValuePair<string, string>("HttpPatchAttribute", "PATCH"),
            new KeyValuePair<string, string>("HttpHeadAttribute", "HEAD"),
            new KeyValuePair<string, string>("HttpOptionsAttribute", "OPTIONS"),
        });

        /// <summary>The routes of a controller's actions; <paramref name="conventions"/> are the app's conventional patterns.</summary>
        public static IEnumerable<ActionRoute> Of(INamedTypeSymbol controller, IEnumerable<IMethodSymbol> actions, IReadOnlyList<string> conventions)
        {
            var controllerName = controller.Name.EndsWith("Controller", StringComparison.Ordinal) && controller.Name.Length > "Controller".Length
                ? controller.Name.Substring(0, controller.Name.Length - "Controller".Length)
                : controller.Name;
            var prefixes = new List<string>();
            for (var type = controller; type != null && SymbolFacts.IsInSource(type); type = type.BaseType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (IsMvc(attribute.AttributeClass, "RouteAttribute") && Template(attribute) is { } template)
                    {
                        prefixes.Add(template);
                    }
                }

                if (prefixes.Count > 0)
                {
                    break;
                }
            }

            foreach (var action in actions)
            {
                var actionName = action.Name.EndsWith("Async", StringComparison.Ordinal) && action.Name.Length > 5
                    ? action.Name.Substring(0, action.Name.Length - 5)
                    : action.Name;
                var attributeRouted = prefixes.Count > 0;
                var templates = new List<(string? Template, ImmutableArray<string> Methods)>();
                foreach (var attribute in action.GetAttributes())
                {
                    var name = attribute.AttributeClass?.Name;
                    if (name != null && Verbs.TryGetValue(name, out var verb) && IsMvc(attribute.AttributeClass, name))
                    {
                        templates.Add((Template(attribute), ImmutableArray.Create(verb)));
                    }
                    else if (IsMvc(attribute.AttributeClass, "AcceptVerbsAttribute"))
                    {
                        templates.Add((NamedTemplate(attribute), AcceptedVerbs(attribute)));
                    }
                    else if (IsMvc(attribute.AttributeClass, "RouteAttribute"))
                    {
                        templates.Add((Template(attribute), ImmutableArray<string>.Empty));
                        attributeRouted = true;
                    }
                }

                attributeRouted |= templates.Exists(t => t.Template != null);
                if (attributeRouted)
                {
                    if (templates.Count == 0)
                    {
                        templates.Add((null, ImmutableArray<string>.Empty));
                    }

                    foreach (var (template, methods) in templates)
                    {
                        foreach (var pattern in Combine(prefixes, template))
                        {
                            yield return new ActionRoute(Replace(pattern, controllerName, actionName), methods, action);
                        }
                    }

                    continue;
                }

                // Conventional routing: the controller and action names fill the pattern's parameters.
                var verbs = ImmutableArray<string>.Empty;
                foreach (var (_, methods) in templates)
                {
                    verbs = verbs.AddRange(methods);
                }

                foreach (var convention in conventions)
                {
                    foreach (var pattern in Conventional(convention, controllerName, actionName))
                    {
                        yield return new ActionRoute(pattern, verbs, action);
                    }
                }
            }
        }

        private static IEnumerable<string> Combine(List<string> prefixes, string? template)
        {
            if (template != null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal)))
            {
                yield return template.TrimStart('~');
                yield break;
            }

            if (prefixes.Count == 0)
            {
                yield return template ?? string.Empty;
                yield break;
            }

            foreach (var prefix in prefixes)
            {
                yield return template == null ? prefix : RoutePattern.Combine(prefix, template);
            }
        }

        private static string Replace(string pattern, string controller, string action)
            => pattern.Replace("[controller]", controller).Replace("[action]", action);

        /// <summary>A conventional pattern for one action, and its shorter forms where defaults allow (<c>/Home</c>, <c>/</c>).</summary>
        private static IEnumerable<string> Conventional(string convention, string controller, string action)
        {
            var segments = convention.Trim('/').Split('/');
            var filled = new List<string>();
            var defaults = new List<bool>();
            foreach (var segment in segments)
            {
                if (TryParameter(segment, "controller", out var defaultController))
                {
                    filled.Add(controller);
                    defaults.Add(string.Equals(defaultController, controller, StringComparison.OrdinalIgnoreCase));
                }
                else if (TryParameter(segment, "action", out var defaultAction))
                {
                    filled.Add(action);
                    defaults.Add(string.Equals(defaultAction, action, StringComparison.OrdinalIgnoreCase));
                }
                else
                {
                    filled.Add(segment);
                    defaults.Add(segment.EndsWith("?}", StringComparison.Ordinal) || segment.IndexOf('=') >= 0);
                }
            }

            yield return "/" + string.Join("/", filled);

            // Trailing segments that have defaults (or are optional) may be left out.
            for (var count = filled.Count - 1; count >= 0 && defaults[count]; count--)
            {
                yield return "/" + string.Join("/", filled.GetRange(0, count));
            }
        }

        private static bool TryParameter(string segment, string name, out string? defaultValue)
        {
            defaultValue = null;
            if (!segment.StartsWith("{", StringComparison.Ordinal) || !segment.EndsWith("}", StringComparison.Ordinal))
            {
                return false;
            }

            var inner = segment.Substring(1, segment.Length - 2);
            var equals = inner.IndexOf('=');
            var parameter = equals >= 0 ? inner.Substring(0, equals) : inner;
            if (!string.Equals(parameter.Split(':')[0], name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            defaultValue = equals >= 0 ? inner.Substring(equals + 1) : null;
            return true;
        }

        private static string? Template(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string template)
            {
                return template;
            }

            return NamedTemplate(attribute);
        }

        private static string? NamedTemplate(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Route" && named.Value.Value is string route)
                {
                    return route;
                }
            }

            return null;
        }

        private static ImmutableArray<string> AcceptedVerbs(AttributeData attribute)
        {
            var result = ImmutableArray.CreateBuilder<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Array)
                {
                    foreach (var value in argument.Values)
                    {
                        if (value.Value is string verb)
                        {
                            result.Add(verb.ToUpperInvariant());
                        }
                    }
                }
                else if (argument.Value is string single)
                {
                    result.Add(single.ToUpperInvariant());
                }
            }

            return result.ToImmutable();
        }

        private static bool IsMvc(INamedTypeSymbol? type, string name)
            => type != null && type.Name == name && type.ContainingNamespace?.ToDisplayString() is "Microsoft.AspNetCore.Mvc" or "Microsoft.AspNetCore.Mvc.Routing";
    }
}
