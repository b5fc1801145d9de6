using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// The class-library model: the runtime builds the handler type named by <c>Assembly::Namespace.Type::Method</c>
    /// during init and calls the handler method per invocation. Recognized by a public method taking
    /// <c>ILambdaContext</c> or marked <c>[LambdaSerializer]</c>, a handler named in a deployment template or in
    /// <c>snapsafe.handler_types</c>, or, when nothing else names a handler, <c>[assembly: LambdaSerializer]</c> with
    /// public classes. Init code: the handler type's static and instance initialization (base classes included) and
    /// what it reaches; per invocation: its handler methods.
    /// </summary>
    internal sealed class ClassLibraryModel : ProgrammingModel
    {
        private readonly List<INamedTypeSymbol> _handlerTypes = new List<INamedTypeSymbol>();
        private readonly List<INamedTypeSymbol> _serializerCandidates = new List<INamedTypeSymbol>();

        public ClassLibraryModel(ModelContext context)
            : base(context)
        {
        }

        public override string Name => "class library";

        public override bool IsPresent => _handlerTypes.Count > 0;

        /// <summary>The handler types, in the order recognized.</summary>
        public IReadOnlyList<INamedTypeSymbol> HandlerTypes => _handlerTypes;

        public override bool Recognize(INamedTypeSymbol type)
        {
            if (IsHandler(type))
            {
                _handlerTypes.Add(type);
                return true;
            }

            // A [LambdaFunction] class is the Annotations model's, an AbstractAspNetCoreFunction subclass the ASP.NET Core
            // model's; any other public class may be a serializer handler.
            if (Context.HasAssemblySerializer && !AnnotationsModel.HasFunctionMethods(type, Types) && !AspNetCoreFunctionModel.IsEntryPointType(type, Types)
                && IsSerializerHandlerCandidate(type))
            {
                _serializerCandidates.Add(type);
            }

            return false;
        }

        public override void Complete()
        {
            // [assembly: LambdaSerializer] marks a class-library function whose handler may take no ILambdaContext.
            // Only when nothing more specific names a handler do its public classes with public methods count.
            if (Context.FunctionTypes.Count == 0)
            {
                foreach (var candidate in NarrowSerializerCandidates(_serializerCandidates))
                {
                    _handlerTypes.Add(candidate);
                    Context.AddFunctionType(candidate);
                }
            }
        }

        public override void EnqueueFunctionObjects(InitWalk walk)
        {
            foreach (var handler in _handlerTypes)
            {
                EnqueueFunctionObject(walk, handler);
            }
        }

        public override void AddInvocationRoots(CodeReach reach)
        {
            foreach (var handler in _handlerTypes)
            {
                AddHandlerMethods(reach, handler, Context);
            }
        }

        public override HookHost HookHostFor(IInvocationOperation registration) => HookHostInFunctionType(registration, Context.FunctionTypes);

        /// <summary>
        /// The handler methods of a function type (and its source base types) as invocation roots: the methods the
        /// runtime invokes (see <see cref="IsHandlerMethod"/>), never the program's entry point.
        /// </summary>
        internal static void AddHandlerMethods(CodeReach reach, INamedTypeSymbol handler, ModelContext context)
        {
            var types = context.Types;
            var marked = HasMarkedHandlerMethods(handler, types);
            for (var type = handler; type != null && SymbolFacts.IsInSource(type); type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol method
                        && IsHandlerMethod(method, types, marked)
                        && !SymbolEqualityComparer.Default.Equals(method, context.EntryPoint)
                        && context.Bodies.BodyOf(method) is { } body)
                    {
                        reach.AddRoot(method, body, "a handler method");
                    }
                }
            }
        }

        /// <summary>
        /// Where a late registration in a method of a function type (or a base type) can move: the type's
        /// constructor (or static constructor for a static method), which the runtime runs during init.
        /// </summary>
        internal static HookHost HookHostInFunctionType(IInvocationOperation registration, IReadOnlyList<INamedTypeSymbol> functionTypes)
        {
            var root = OperationFacts.RootOf(registration);
            if (root.Syntax is CompilationUnitSyntax || root.Syntax is MethodDeclarationSyntax { Identifier.ValueText: "Main" })
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
                    // Only a function type's constructors are sure to run during init.
                    if (registration.SemanticModel?.GetDeclaredSymbol(method) is not { ContainingType: { } owner } || !IsTypeOrBaseOf(owner, functionTypes))
                    {
                        return HookHost.None;
                    }

                    return method.Modifiers.Any(SyntaxKind.StaticKeyword) ? HookHost.StaticConstructor : HookHost.Constructor;
                }
            }

            return HookHost.None;
        }

        private static bool IsTypeOrBaseOf(INamedTypeSymbol type, IReadOnlyList<INamedTypeSymbol> functionTypes)
        {
            foreach (var functionType in functionTypes)
            {
                for (var current = functionType; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsHandler(INamedTypeSymbol type)
        {
            var types = Types;
            if (AnnotationsModel.HasFunctionMethods(type, types) || AspNetCoreFunctionModel.IsEntryPointType(type, types))
            {
                // Those models' function types, even when a template or snapsafe.handler_types names them.
                return false;
            }

            if (Context.IsNamedHandler(type))
            {
                return true;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    continue;
                }

                if (types.LambdaSerializerAttribute != null && SymbolFacts.HasAttribute(method.GetAttributes(), types.LambdaSerializerAttribute))
                {
                    return true;
                }

                if (method.DeclaredAccessibility == Accessibility.Public && types.ILambdaContext != null)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        if (KnownTypes.Implements(parameter.Type, types.ILambdaContext))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
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
            for (var current = type; current != null && SymbolFacts.IsInSource(current); current = current.BaseType)
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
            if ((types.LambdaFunctionAttribute != null && SymbolFacts.HasAttribute(attributes, types.LambdaFunctionAttribute))
                || (types.LambdaSerializerAttribute != null && SymbolFacts.HasAttribute(attributes, types.LambdaSerializerAttribute)))
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
    }
}
