using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>What the fixes need to know about an initialization to repeat it in a hook (the analyzer's side of the fix contract).</summary>
    internal static class FixFacts
    {
        /// <summary>The value refers to no local, and to parameters only where allowed (a hook in the same constructor sees them).</summary>
        public static bool UsesOnlyVisibleNames(IOperation value, bool allowParameters)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation:
                        return false;
                    case IParameterReferenceOperation parameter when !allowParameters || parameter.Parameter.RefKind != RefKind.None:
                        return false;
                }
            }

            return true;
        }

        /// <summary>How a member's first value is written: a field or property initializer, or an assignment statement.</summary>
        public static string? StoreOf(SyntaxNode value) => value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax } => StoreKinds.Initializer,
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } assignment when assignment.Right == value => StoreKinds.Assignment,
            _ => null,
        };

        /// <summary>True when the syntax awaits, outside nested lambdas.</summary>
        public static bool HasAwait(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax)))
            {
                if (descendant is AwaitExpressionSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
