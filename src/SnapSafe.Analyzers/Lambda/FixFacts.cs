using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>What the fix contract says about an initialization the fixes may repeat (the analyzer's side of <see cref="FixRequest"/>).</summary>
    internal static class FixFacts
    {
        /// <summary>How a member's first value is written: a field or property initializer, or an assignment statement.</summary>
        public static StoreKind? StoreOf(SyntaxNode value) => value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax } => StoreKind.Initializer,
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax or ArrowExpressionClauseSyntax } assignment when assignment.Right == value => StoreKind.Assignment,
            _ => null,
        };
    }
}
