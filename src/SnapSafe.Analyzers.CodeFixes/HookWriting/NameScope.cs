using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// Whether code copied from one place means the same at another: every simple name it uses must find the same
    /// symbol there (no parameter or local hiding a field, no local of the entry point used before its declaration).
    /// </summary>
    internal static class NameScope
    {
        /// <summary>
        /// True when <paramref name="node"/> reads a local or parameter declared outside it (and inside
        /// <paramref name="scope"/>, when given): a value of the code around it, which a hook registered elsewhere cannot see.
        /// </summary>
        public static bool ReadsOuterLocals(SemanticModel model, SyntaxNode node, SyntaxNode? scope, CancellationToken cancellationToken)
        {
            foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if ((symbol is ILocalSymbol || symbol is IParameterSymbol)
                    && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && !node.Span.Contains(r.Span) && (scope == null || scope.Span.Contains(r.Span))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <param name="typesQualified">The copy writes named types fully qualified (<see cref="BoundedWork"/>): they need no lookup.</param>
        public static bool Binds(SemanticModel sourceModel, SyntaxNode original, SemanticModel targetModel, int position, CancellationToken cancellationToken, ICollection<ISymbol>? declaredInHook = null, bool typesQualified = false)
        {
            foreach (var name in original.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            {
                if (IsMemberName(name) || (name is IdentifierNameSyntax identifier && identifier.IsVar))
                {
                    continue;
                }

                var info = sourceModel.GetSymbolInfo(name, cancellationToken);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol == null || symbol is IDynamicTypeSymbol || (typesQualified && symbol is INamedTypeSymbol { TypeKind: not TypeKind.Error })
                    || IsDeclaredWithin(symbol, original) || (declaredInHook != null && declaredInHook.Contains(symbol)))
                {
                    // nameof, discards, and the lambdas' own parameters and locals.
                    continue;
                }

                // A type name is looked up among types: a field named like the type (Random Random) does not hide it.
                var found = symbol is INamespaceOrTypeSymbol
                    ? targetModel.LookupNamespacesAndTypes(position, name: name.Identifier.ValueText)
                    : targetModel.LookupSymbols(position, name: name.Identifier.ValueText);
                var alias = sourceModel.GetAliasInfo(name, cancellationToken);
                var matches = alias != null
                    ? found.Any(s => SymbolEqualityComparer.Default.Equals(s, alias))
                    : found.Any(s => Same(s, symbol));
                if (!matches || (symbol is ILocalSymbol local && !IsDeclaredBefore(local, targetModel.SyntaxTree, position)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// How the re-initialization refers to <paramref name="member"/> at <paramref name="position"/>: its simple
        /// name, or <c>this.</c>/the type name when a parameter or local hides it; null when nothing can reach it.
        /// </summary>
        public static ExpressionSyntax? Target(ISymbol member, SemanticModel model, int position)
        {
            var found = model.LookupSymbols(position, name: member.Name);
            if (found.Any(s => Same(s, member)) && (member is not ILocalSymbol local || IsDeclaredBefore(local, model.SyntaxTree, position)))
            {
                return SyntaxFactory.IdentifierName(member.Name);
            }

            if (member is ILocalSymbol)
            {
                return null;
            }

            if (!member.IsStatic)
            {
                return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(member.Name));
            }

            var type = member.ContainingType;
            if (type.Arity == 0 && model.LookupSymbols(position, name: type.Name).Any(s => Same(s, type)))
            {
                return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(type.Name), SyntaxFactory.IdentifierName(member.Name));
            }

            return null;
        }

        /// <summary>
        /// A type as an expression at <paramref name="position"/>: its simple name when that binds to it there, or a
        /// qualified name the simplifier shortens once the import is added.
        /// </summary>
        public static ExpressionSyntax TypeExpression(INamedTypeSymbol type, SemanticModel model, int position)
        {
            // Lookup by name also returns the generic types of that name (ValueTask<TResult>): another arity is no conflict.
            var found = model.LookupSymbols(position, name: type.Name).Where(s => !(s is INamedTypeSymbol named && named.Arity != type.Arity)).ToList();
            if (found.Count > 0 && found.All(s => Same(s, type)))
            {
                return SyntaxFactory.IdentifierName(type.Name);
            }

            var qualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return SyntaxFactory.ParseExpression(qualified).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        /// <summary>A type in a type position (<c>new T(...)</c>): its simple name where that binds to it, else a qualified name the simplifier shortens.</summary>
        public static TypeSyntax TypeSyntaxFor(INamedTypeSymbol type, SemanticModel model, int position)
            => TypeExpression(type, model, position) is IdentifierNameSyntax simple
                ? simple
                : SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        private static bool Same(ISymbol candidate, ISymbol symbol)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, symbol) || SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, symbol.OriginalDefinition))
            {
                return true;
            }

            return symbol is IMethodSymbol { ReducedFrom: { } reduced } && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, reduced.OriginalDefinition);
        }

        private static bool IsDeclaredBefore(ILocalSymbol local, SyntaxTree tree, int position)
            => local.DeclaringSyntaxReferences.All(r => r.SyntaxTree == tree && r.Span.End <= position);

        private static bool IsDeclaredWithin(ISymbol symbol, SyntaxNode node)
            => symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && node.Span.Contains(r.Span));

        /// <summary>Names found through their qualifier or their context, not by lookup at the position.</summary>
        private static bool IsMemberName(SimpleNameSyntax name)
        {
            switch (name.Parent)
            {
                case MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name:
                case MemberBindingExpressionSyntax:
                case QualifiedNameSyntax qualified when qualified.Right == name:
                case AliasQualifiedNameSyntax:
                case BaseExpressionColonSyntax:
                case NameEqualsSyntax:
                    return true;
                case AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax:
                    return true;
                default:
                    // A property pattern's member path ({ A.B: 1 }) is looked up in the matched type.
                    return name.Ancestors().TakeWhile(a => a is ExpressionSyntax).Any(a => a.Parent is BaseExpressionColonSyntax);
            }
        }
    }
}
