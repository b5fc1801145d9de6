using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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

        /// <summary>A syntactic pre-check: a call named GetEnvironmentVariable whose first argument is a string literal.</summary>
        public static bool IsCandidate(Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
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
