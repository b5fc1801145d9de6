using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Configuration;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Where Lambda code starts, per programming model, found from symbols alone (no method bodies are read):
    /// handler types of the class-library and Annotations models, <c>[LambdaStartup]</c> classes, and the
    /// entry point of executable-assembly and minimal-API functions.
    /// </summary>
    internal sealed class LambdaEntryPoints
    {
        private LambdaEntryPoints(ImmutableArray<INamedTypeSymbol> handlerTypes, ImmutableArray<INamedTypeSymbol> annotationsFunctionTypes, ImmutableArray<INamedTypeSymbol> startupTypes, IMethodSymbol? entryPoint)
        {
            HandlerTypes = handlerTypes;
            AnnotationsFunctionTypes = annotationsFunctionTypes;
            StartupTypes = startupTypes;
            EntryPoint = entryPoint;
        }

        /// <summary>Types the runtime (or the Annotations wrapper) instantiates during init to serve invocations.</summary>
        public ImmutableArray<INamedTypeSymbol> HandlerTypes { get; }

        /// <summary>Handler types with <c>[LambdaFunction]</c> methods: built by dependency injection during init.</summary>
        public ImmutableArray<INamedTypeSymbol> AnnotationsFunctionTypes { get; }

        /// <summary><c>[LambdaStartup]</c> classes whose <c>ConfigureServices</c> runs during init.</summary>
        public ImmutableArray<INamedTypeSymbol> StartupTypes { get; }

        /// <summary>The program's entry point (<c>Main</c> or top-level statements), when it has one.</summary>
        public IMethodSymbol? EntryPoint { get; }

        public static LambdaEntryPoints Find(Compilation compilation, KnownTypes types, SnapSafeOptions options, ImmutableHashSet<string> templateHandlers, CancellationToken cancellationToken)
        {
            var handlers = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var annotations = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var startups = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var serializerCandidates = new List<INamedTypeSymbol>();
            var hasAssemblySerializer = types.LambdaSerializerAttribute != null && HasAttribute(compilation.Assembly.GetAttributes(), types.LambdaSerializerAttribute);

            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(compilation.Assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                        continue;
                    }

                    if (member is not INamedTypeSymbol type || !IsInSource(type))
                    {
                        continue;
                    }

                    stack.Push(type);
                    if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                    {
                        continue;
                    }

                    if (types.LambdaStartupAttribute != null && HasAttribute(type.GetAttributes(), types.LambdaStartupAttribute))
                    {
                        startups.Add(type);
                    }

                    var kind = Classify(type, types, options, templateHandlers);
                    if (kind == HandlerKind.Annotations)
                    {
                        annotations.Add(type);
                        handlers.Add(type);
                    }
                    else if (kind == HandlerKind.Handler)
                    {
                        handlers.Add(type);
                    }
                    else if (hasAssemblySerializer && IsSerializerHandlerCandidate(type))
                    {
                        serializerCandidates.Add(type);
                    }
                }
            }

            // [assembly: LambdaSerializer] marks a class-library function whose handler may take no ILambdaContext.
            // Only when nothing more specific names a handler do its public classes with public methods count.
            if (handlers.Count == 0)
            {
                handlers.AddRange(NarrowSerializerCandidates(serializerCandidates));
            }

            var entryPoint = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication ? compilation.GetEntryPoint(cancellationToken) : null;
            return new LambdaEntryPoints(handlers.ToImmutable(), annotations.ToImmutable(), startups.ToImmutable(), entryPoint);
        }

        private enum HandlerKind
        {
            None,
            Handler,
            Annotations,
        }

        private static HandlerKind Classify(INamedTypeSymbol type, KnownTypes types, SnapSafeOptions options, ImmutableHashSet<string> templateHandlers)
        {
            var result = HandlerKind.None;
            if ((!options.HandlerTypes.IsEmpty || !templateHandlers.IsEmpty)
                && (IsListed(options.HandlerTypes, type, out _) || templateHandlers.Contains(FullName(type))))
            {
                result = HandlerKind.Handler;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    continue;
                }

                if (types.LambdaFunctionAttribute != null && HasAttribute(method.GetAttributes(), types.LambdaFunctionAttribute))
                {
                    return HandlerKind.Annotations;
                }

                if (types.LambdaSerializerAttribute != null && HasAttribute(method.GetAttributes(), types.LambdaSerializerAttribute))
                {
                    result = HandlerKind.Handler;
                }

                if (result == HandlerKind.None && method.DeclaredAccessibility == Accessibility.Public && types.ILambdaContext != null)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        if (KnownTypes.Implements(parameter.Type, types.ILambdaContext))
                        {
                            result = HandlerKind.Handler;
                            break;
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// True for the methods the runtime invokes on a handler type: those taking an <c>ILambdaContext</c>, marked
        /// <c>[LambdaFunction]</c> or <c>[LambdaSerializer]</c>; on a type with none of those (named by configuration,
        /// a template or the assembly serializer), its public methods. Never the program's entry point.
        /// </summary>
        public static bool IsHandlerMethod(IMethodSymbol method, KnownTypes types, bool typeHasMarkedMethods)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public
                || (method.IsStatic && method.Name == "Main"))
            {
                return false;
            }

            return !typeHasMarkedMethods || IsMarkedHandlerMethod(method, types);
        }

        /// <summary>True when some method of <paramref name="type"/> is marked as a handler method (see <see cref="IsHandlerMethod"/>).</summary>
        public static bool HasMarkedHandlerMethods(INamedTypeSymbol type, KnownTypes types)
        {
            for (var current = type; current != null && IsInSource(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsMarkedHandlerMethod(method, types))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsMarkedHandlerMethod(IMethodSymbol method, KnownTypes types)
        {
            var attributes = method.GetAttributes();
            if ((types.LambdaFunctionAttribute != null && HasAttribute(attributes, types.LambdaFunctionAttribute))
                || (types.LambdaSerializerAttribute != null && HasAttribute(attributes, types.LambdaSerializerAttribute)))
            {
                return true;
            }

            if (types.ILambdaContext != null && method.DeclaredAccessibility == Accessibility.Public)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (KnownTypes.Implements(parameter.Type, types.ILambdaContext))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The public classes an <c>[assembly: LambdaSerializer]</c> project may use as handlers: those with a
        /// conventionally named handler method when any has one; otherwise those that are not request or response
        /// types of another candidate's methods.
        /// </summary>
        private static IEnumerable<INamedTypeSymbol> NarrowSerializerCandidates(List<INamedTypeSymbol> candidates)
        {
            var named = candidates.FindAll(HasConventionalHandlerName);
            if (named.Count > 0)
            {
                return named;
            }

            var signatureTypes = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var candidate in candidates)
            {
                foreach (var member in candidate.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method)
                    {
                        AddSignatureType(method.ReturnType, signatureTypes, 0);
                        foreach (var parameter in method.Parameters)
                        {
                            AddSignatureType(parameter.Type, signatureTypes, 0);
                        }
                    }
                }
            }

            return candidates.FindAll(c => !signatureTypes.Contains(c));
        }

        private static bool HasConventionalHandlerName(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
                    && (method.Name == "FunctionHandler" || method.Name.StartsWith("Handle", System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddSignatureType(ITypeSymbol type, HashSet<ITypeSymbol> set, int depth)
        {
            if (depth > 4 || !set.Add(type.OriginalDefinition))
            {
                return;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    AddSignatureType(array.ElementType, set, depth + 1);
                    break;
                case INamedTypeSymbol { IsGenericType: true } generic:
                    foreach (var argument in generic.TypeArguments)
                    {
                        AddSignatureType(argument, set, depth + 1);
                    }

                    break;
            }
        }

        private static bool IsSerializerHandlerCandidate(INamedTypeSymbol type)
        {
            if (type.DeclaredAccessibility != Accessibility.Public || type.IsAbstract || type.IsRecord || type.ContainingType != null
                || type.IsImplicitlyDeclared || type.IsGenericType || type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsOverride: false, IsGenericMethod: false } method
                    && method.Parameters.Length <= 2 && !method.IsImplicitlyDeclared)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The type's name as Lambda handler strings and the <c>snapsafe.*</c> type lists write it:
        /// <c>Namespace.Outer+Inner</c>, without generic arity.
        /// </summary>
        internal static string FullName(INamedTypeSymbol type)
        {
            var name = type.Name;
            for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
            {
                name = outer.Name + "+" + name;
            }

            var ns = type.ContainingNamespace;
            return ns == null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }

        /// <summary>
        /// Whether <paramref name="names"/> lists <paramref name="type"/>: as <c>Namespace.Outer+Inner</c> or, for a
        /// nested type, also as <c>Namespace.Outer.Inner</c>.
        /// </summary>
        internal static bool IsListed(ImmutableHashSet<string> names, INamedTypeSymbol type, out string listedName)
        {
            listedName = FullName(type);
            if (names.Contains(listedName))
            {
                return true;
            }

            if (type.ContainingType != null)
            {
                var dotted = listedName.Replace('+', '.');
                if (names.Contains(dotted))
                {
                    listedName = dotted;
                    return true;
                }
            }

            return false;
        }

        internal static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol attributeType)
        {
            foreach (var attribute in attributes)
            {
                if (KnownTypes.IsOrDerives(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
