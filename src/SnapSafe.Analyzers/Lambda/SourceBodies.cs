using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The operation trees of source members, across the trees of one compilation. Init code spans files (a handler
    /// constructor builds a service declared elsewhere), so the model reads other trees through the compilation's
    /// semantic models, one per tree. Inside an analyzer host the compiler hands out its cached semantic models here
    /// (the driver installs a caching semantic-model provider), so no tree is bound twice.
    /// </summary>
    internal sealed class SourceBodies
    {
        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        public SourceBodies(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken => _cancellationToken;

        public SemanticModel? ModelFor(SyntaxTree tree)
        {
            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

#pragma warning disable RS1030 // Init code crosses trees; the analyzer driver caches these models (see the type comment).
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }

        public IOperation? OperationOf(SyntaxNode node)
            => ModelFor(node.SyntaxTree)?.GetOperation(node, _cancellationToken);

        /// <summary>The body of a source method, constructor, accessor or local function (null when it has none).</summary>
        public IOperation? BodyOf(IMethodSymbol method)
        {
            method = method.PartialImplementationPart ?? method;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(_cancellationToken);
                switch (node)
                {
                    case TypeDeclarationSyntax { ParameterList: not null } typeDeclaration when method.MethodKind == MethodKind.Constructor:
                        // A primary constructor has no body of its own; its base(...) call is what it runs.
                        if (OperationOf(node) is { } primary)
                        {
                            return primary;
                        }

                        var baseCall = typeDeclaration.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault();
                        if (baseCall != null && OperationOf(baseCall) is { } baseOperation)
                        {
                            return baseOperation;
                        }

                        break;
                    case BaseMethodDeclarationSyntax declaration when declaration.Body != null || declaration.ExpressionBody != null:
                    case AccessorDeclarationSyntax accessor when accessor.Body != null || accessor.ExpressionBody != null:
                    case LocalFunctionStatementSyntax local when local.Body != null || local.ExpressionBody != null:
                    case ArrowExpressionClauseSyntax:
                    case CompilationUnitSyntax:
                        var operation = OperationOf(node);
                        if (operation is Microsoft.CodeAnalysis.Operations.ILocalFunctionOperation localFunction)
                        {
                            return localFunction.Body;
                        }

                        if (operation != null)
                        {
                            return operation;
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>Field and property initializers of a type (static or instance), in declaration order.</summary>
        public IEnumerable<IOperation> InitializersOf(INamedTypeSymbol type, bool isStatic)
        {
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic != isStatic || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                if (member is IFieldSymbol { IsConst: false } field)
                {
                    foreach (var reference in field.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer })
                        {
                            var operation = OperationOf(initializer);
                            if (operation != null)
                            {
                                yield return operation;
                            }
                        }
                    }
                }
                else if (member is IPropertySymbol property)
                {
                    foreach (var reference in property.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(_cancellationToken) is PropertyDeclarationSyntax { Initializer: { } initializer })
                        {
                            var operation = OperationOf(initializer);
                            if (operation != null)
                            {
                                yield return operation;
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Constructors declared in source (static or instance).</summary>
        public IEnumerable<IMethodSymbol> ConstructorsOf(INamedTypeSymbol type, bool isStatic)
        {
            foreach (var constructor in isStatic ? type.StaticConstructors : type.InstanceConstructors)
            {
                if (!constructor.IsImplicitlyDeclared && SymbolFacts.IsInSource(constructor))
                {
                    yield return constructor;
                }
            }
        }

        /// <summary>
        /// True when <paramref name="parameter"/> belongs to a primary constructor and a member of its type reads it
        /// (the compiler then keeps it in a hidden field); a record's positional parameters are properties.
        /// </summary>
        public static bool IsCapturedPrimaryConstructorParameter(IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                || constructor.ContainingType is not { } type)
            {
                return false;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax { ParameterList: not null } declaration)
                {
                    return false;
                }

                if (type.IsRecord)
                {
                    return true;
                }

                foreach (var member in declaration.Members)
                {
                    // Initializers run once in the constructor: reading the parameter there does not capture it.
                    if (member is FieldDeclarationSyntax || (member is PropertyDeclarationSyntax { AccessorList: null or { } } property && property.ExpressionBody == null && property.AccessorList?.Accessors.All(a => a.Body == null && a.ExpressionBody == null) != false))
                    {
                        continue;
                    }

                    foreach (var token in member.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == parameter.Name)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        public static bool HasBody(IMethodSymbol method)
        {
            method = method.PartialImplementationPart ?? method;
            return !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0;
        }
    }
}
