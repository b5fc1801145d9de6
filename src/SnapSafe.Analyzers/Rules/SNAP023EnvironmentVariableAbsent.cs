using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP023: reads of the environment variables the runtime leaves unset under SnapStart, anywhere.</summary>
    internal static class SNAP023EnvironmentVariableAbsent
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP023EnvironmentVariableAbsent;

        private static readonly string[] Absent =
        {
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        };

        /// <summary>
        /// Holds anywhere in a Lambda compilation; starts from syntax (a call named GetEnvironmentVariable) so that no
        /// operation tree is built for code that cannot match.
        /// </summary>
        public static void Register(CompilationStartAnalysisContext context, KnownTypes types, SnapStartGate gate)
        {
            context.RegisterSyntaxNodeAction(
                syntaxContext =>
                {
                    var invocation = (InvocationExpressionSyntax)syntaxContext.Node;
                    if (IsCandidate(invocation)
                        && syntaxContext.SemanticModel.GetOperation(invocation, syntaxContext.CancellationToken) is IInvocationOperation operation
                        && TryMatch(operation, types, out var variable)
                        && !gate.IsSilenced(invocation.SyntaxTree))
                    {
                        syntaxContext.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.GetLocation(), variable));
                    }
                },
                SyntaxKind.InvocationExpression);
        }

        /// <summary>A syntactic pre-check: a call named GetEnvironmentVariable whose first argument is a string literal.</summary>
        public static bool IsCandidate(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };

            return name == "GetEnvironmentVariable" && invocation.ArgumentList.Arguments.Count > 0;
        }

        public static bool TryMatch(IInvocationOperation invocation, KnownTypes types, out string variable)
        {
            variable = string.Empty;
            var method = invocation.TargetMethod;
            if (method.Name != "GetEnvironmentVariable" || !KnownTypes.Is(method.ContainingType, types.Environment) || invocation.Arguments.Length == 0)
            {
                return false;
            }

            var name = invocation.Arguments[0].Value.ConstantValue;
            if (name.HasValue && name.Value is string text)
            {
                foreach (var candidate in Absent)
                {
                    if (string.Equals(text, candidate, StringComparison.Ordinal))
                    {
                        variable = candidate;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
