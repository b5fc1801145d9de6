using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// SNAP053: a handler <c>Assembly::Namespace.Type::Method</c> whose assembly is this compilation but whose type
    /// (nested types with <c>+</c>) or method does not exist. The method is looked up as the runtime does: by name, on
    /// the type and its base types, public or not. An executable's handler (the assembly name alone) names no type.
    /// Reported on the handler string.
    /// </summary>
    internal static class SNAP053HandlerNotFound
    {
        private const string GeneratedSuffix = "_Generated";

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP053HandlerNotFound;

        public static IEnumerable<TemplateFinding> Find(DeploymentScope scope)
        {
            foreach (var function in scope.Functions)
            {
                if (function.Handler == null || function.HandlerNode == null)
                {
                    continue;
                }

                var parts = function.Handler.Split(new[] { "::" }, StringSplitOptions.None);
                if (parts.Length != 3)
                {
                    continue;
                }

                var typeName = parts[1].Trim();
                var methodName = parts[2].Trim();
                var missing = Missing(scope.Compilation, typeName, methodName);
                if (missing != null)
                {
                    yield return new TemplateFinding(Descriptor, function.HandlerNode.Span, new object[] { function.Handler, missing, function.Name }, nameIndex: 2);
                }
            }
        }

        /// <summary>What the handler names that does not exist ("type 'X'", "method 'M' on 'X'"), or null when it resolves.</summary>
        public static string? Missing(Compilation compilation, string typeName, string methodName)
        {
            if (typeName.Length == 0)
            {
                return "an empty type name";
            }

            var type = compilation.Assembly.GetTypeByMetadataName(typeName);
            if (type == null)
            {
                // Lambda Annotations generates <Class>_<Method>_Generated wrappers; the analyzer may run without the
                // generator's output. Only when no class of the namespace has a method that would produce that
                // name can the wrapper never exist.
                if (typeName.EndsWith(GeneratedSuffix, StringComparison.Ordinal) && CouldBeGenerated(compilation, typeName))
                {
                    return null;
                }

                return "type '" + typeName + "'";
            }

            // A method given by its signature ("System.String Handler(System.String)") is matched by the runtime in
            // ways SnapSafe does not reproduce.
            if (methodName.IndexOf(' ') >= 0 || methodName.IndexOf('(') >= 0)
            {
                return null;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(methodName))
                {
                    if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
                    {
                        return null;
                    }
                }
            }

            return methodName.Length == 0 ? "an empty method name on '" + typeName + "'" : "method '" + methodName + "' on '" + typeName + "'";
        }

        private static bool CouldBeGenerated(Compilation compilation, string typeName)
        {
            var lastDot = typeName.LastIndexOf('.');
            var namespaceName = lastDot < 0 ? string.Empty : typeName.Substring(0, lastDot);
            var simpleName = typeName.Substring(lastDot + 1);
            INamespaceSymbol? container = compilation.Assembly.GlobalNamespace;
            if (namespaceName.Length > 0)
            {
                foreach (var part in namespaceName.Split('.'))
                {
                    container = Child(container, part);
                    if (container == null)
                    {
                        return false;
                    }
                }
            }

            foreach (var candidate in container.GetTypeMembers())
            {
                if (!simpleName.StartsWith(candidate.Name + "_", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var member in candidate.GetMembers())
                {
                    if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary
                        && string.Equals(candidate.Name + "_" + method.Name + GeneratedSuffix, simpleName, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static INamespaceSymbol? Child(INamespaceSymbol parent, string name)
        {
            foreach (var child in parent.GetNamespaceMembers())
            {
                if (child.Name == name)
                {
                    return child;
                }
            }

            return null;
        }
    }
}
