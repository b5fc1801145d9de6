using System;
using System.Collections.Generic;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>Whether a route pattern matches a path: yes, no, or SnapSafe cannot tell.</summary>
    internal enum RouteMatch
    {
        No,
        Yes,
        Unknown,
    }

    /// <summary>
    /// An ASP.NET Core route pattern (<c>/orders/{id:int}</c>, <c>/files/{*path}</c>, <c>/items/{id?}</c>), matched against
    /// a warm-up request's path. Literal segments, parameters (with the <c>int</c>, <c>long</c>, <c>bool</c>, <c>guid</c>,
    /// <c>alpha</c> constraints; other constraints match anything), optional and default parameters and catch-alls are
    /// understood; segments that mix literals and parameters (<c>{name}.{ext}</c>) or regular-expression constraints
    /// give <see cref="RouteMatch.Unknown"/>.
    /// </summary>
    internal static class RoutePattern
    {
        public static RouteMatch Match(string pattern, string path)
        {
            var patternSegments = Segments(pattern);
            var pathSegments = Segments(path);
            var result = RouteMatch.Yes;
            var i = 0;
            for (; i < patternSegments.Count; i++)
            {
                var segment = patternSegments[i];
                if (segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal) && segment.IndexOf('{', 1) < 0)
                {
                    var parameter = segment.Substring(1, segment.Length - 2);
                    if (parameter.StartsWith("*", StringComparison.Ordinal))
                    {
                        // A catch-all takes the rest of the path, empty included.
                        return result;
                    }

                    if (i >= pathSegments.Count)
                    {
                        // Only optional parameters and parameters with defaults may be missing.
                        return IsOptional(parameter) ? MatchRestOptional(patternSegments, i + 1, result) : RouteMatch.No;
                    }

                    var constraint = Constraint(parameter, pathSegments[i]);
                    if (constraint == RouteMatch.No)
                    {
                        return RouteMatch.No;
                    }

                    if (constraint == RouteMatch.Unknown)
                    {
                        result = RouteMatch.Unknown;
                    }
                }
                else if (segment.IndexOf('{') >= 0 || segment.IndexOf('}') >= 0)
                {
                    if (i >= pathSegments.Count)
                    {
                        return RouteMatch.No;
                    }

                    result = RouteMatch.Unknown;
                }
                else if (i >= pathSegments.Count || !string.Equals(segment, Uri.UnescapeDataString(pathSegments[i]), StringComparison.OrdinalIgnoreCase))
                {
                    return RouteMatch.No;
                }
            }

            return i == pathSegments.Count ? result : RouteMatch.No;
        }

        /// <summary>Joins a group prefix and a pattern (<c>/api</c> + <c>orders/{id}</c>).</summary>
        public static string Combine(string prefix, string pattern)
            => "/" + string.Join("/", Join(Segments(prefix), Segments(pattern)));

        private static IEnumerable<string> Join(List<string> first, List<string> second)
        {
            foreach (var segment in first)
            {
                yield return segment;
            }

            foreach (var segment in second)
            {
                yield return segment;
            }
        }

        private static RouteMatch MatchRestOptional(List<string> patternSegments, int from, RouteMatch result)
        {
            for (var i = from; i < patternSegments.Count; i++)
            {
                var segment = patternSegments[i];
                if (!(segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal)))
                {
                    return RouteMatch.No;
                }

                var parameter = segment.Substring(1, segment.Length - 2);
                if (!parameter.StartsWith("*", StringComparison.Ordinal) && !IsOptional(parameter))
                {
                    return RouteMatch.No;
                }
            }

            return result;
        }

        private static bool IsOptional(string parameter)
            => parameter.TrimEnd().EndsWith("?", StringComparison.Ordinal) || parameter.IndexOf('=') >= 0;

        private static string NameOf(string parameter, out string? constraints)
        {
            var colon = parameter.IndexOf(':');
            var equals = parameter.IndexOf('=');
            var end = colon >= 0 ? colon : equals >= 0 ? equals : parameter.Length;
            constraints = colon >= 0 ? parameter.Substring(colon + 1, (equals > colon ? equals : parameter.Length) - colon - 1) : null;
            return parameter.Substring(0, end);
        }

        private static RouteMatch Constraint(string parameter, string value)
        {
            NameOf(parameter, out var constraints);
            if (constraints == null)
            {
                return RouteMatch.Yes;
            }

            var result = RouteMatch.Yes;
            foreach (var raw in constraints.TrimEnd('?').Split(':'))
            {
                var constraint = raw.Trim();
                var open = constraint.IndexOf('(');
                var name = (open >= 0 ? constraint.Substring(0, open) : constraint).ToLowerInvariant();
                var ok = name switch
                {
                    "int" => int.TryParse(value, out _) ? RouteMatch.Yes : RouteMatch.No,
                    "long" => long.TryParse(value, out _) ? RouteMatch.Yes : RouteMatch.No,
                    "bool" => bool.TryParse(value, out _) ? RouteMatch.Yes : RouteMatch.No,
                    "guid" => Guid.TryParse(value, out _) ? RouteMatch.Yes : RouteMatch.No,
                    "alpha" => IsAlpha(value) ? RouteMatch.Yes : RouteMatch.No,
                    "regex" => RouteMatch.Unknown,
                    _ => RouteMatch.Yes,
                };
                if (ok == RouteMatch.No)
                {
                    return RouteMatch.No;
                }

                if (ok == RouteMatch.Unknown)
                {
                    result = RouteMatch.Unknown;
                }
            }

            return result;
        }

        private static bool IsAlpha(string value)
        {
            foreach (var c in value)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                {
                    return false;
                }
            }

            return value.Length > 0;
        }

        private static List<string> Segments(string text)
        {
            var result = new List<string>();
            foreach (var segment in text.Split('/'))
            {
                if (segment.Length > 0 && segment != "~")
                {
                    result.Add(segment);
                }
            }

            return result;
        }
    }
}
