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
    /// <summary>
    /// SNAP023: reads of the environment variables the runtime leaves unset under SnapStart, anywhere:
    /// <c>Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN")</c> and
    /// <c>Environment.GetEnvironmentVariables()["AWS_SESSION_TOKEN"]</c> (directly or through a local holding the dictionary).
    /// </summary>
    internal static class SNAP023EnvironmentVariableAbsent
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP023EnvironmentVariableAbsent;

        private static readonly string[] Absent =
        {
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        };

        /// <summary>
        /// Holds anywhere in a Lambda compilation; starts from syntax (a call named GetEnvironmentVariable, an element
        /// access with one of the names as a literal) so that no operation tree is built for code that cannot match.
        /// </summary>
        public static void Register(CompilationStartAnalysisContext context, KnownTypes types, SnapStartGate gate)
        {
            context.RegisterSyntaxNodeAction(
                syntaxContext =>
                {
                    var access = (ElementAccessExpressionSyntax)syntaxContext.Node;
                    if (IsCandidate(access)
                        && syntaxContext.SemanticModel.GetOperation(access, syntaxContext.CancellationToken) is { } operation
                        && TryMatchRead(operation, types, out var variable)
                        && !gate.IsSilenced(access.SyntaxTree))
                    {
                        syntaxContext.ReportDiagnostic(Diagnostic.Create(Descriptor, access.GetLocation(), variable));
                    }
                },
                SyntaxKind.ElementAccessExpression);

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

        /// <summary>A syntactic pre-check: <c>x["AWS_SESSION_TOKEN"]</c> with one of the absent names as a string literal.</summary>
        public static bool IsCandidate(ElementAccessExpressionSyntax access)
            => access.ArgumentList.Arguments.Count == 1
                && access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && Array.IndexOf(Absent, literal.Token.ValueText) >= 0;

        /// <summary>
        /// A read of an absent variable: <c>Environment.GetEnvironmentVariable(name)</c>, or the indexer of the dictionary
        /// <c>Environment.GetEnvironmentVariables()</c> returns (read directly or through a local).
        /// </summary>
        public static bool TryMatchRead(IOperation operation, KnownTypes types, out string variable)
        {
            variable = string.Empty;
            switch (OperationFacts.Unwrap(operation))
            {
                case IInvocationOperation invocation:
                    return TryMatch(invocation, types, out variable);

                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } dictionary } indexer
                    when IsEnvironmentDictionary(dictionary, types):
                    return IsAbsent(indexer.Arguments[0].Value, out variable);

                default:
                    return false;
            }
        }

        /// <summary><c>Environment.GetEnvironmentVariables()</c>, or a local whose every value is that call.</summary>
        private static bool IsEnvironmentDictionary(IOperation dictionary, KnownTypes types)
        {
            dictionary = OperationFacts.Unwrap(dictionary);
            if (dictionary is IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariables", Parameters.Length: 0 } method })
            {
                return KnownTypes.Is(method.ContainingType, types.Environment);
            }

            if (dictionary is not ILocalReferenceOperation local || local.Local.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            // The local's declaration (`var env = Environment.GetEnvironmentVariables();`), read from its own syntax.
            return local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value }
                && local.SemanticModel?.GetOperation(value) is { } initializer
                && OperationFacts.Unwrap(initializer) is IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariables", Parameters.Length: 0 } declared }
                && KnownTypes.Is(declared.ContainingType, types.Environment);
        }

        public static bool TryMatch(IInvocationOperation invocation, KnownTypes types, out string variable)
        {
            variable = string.Empty;
            var method = invocation.TargetMethod;
            if (method.Name != "GetEnvironmentVariable" || !KnownTypes.Is(method.ContainingType, types.Environment) || invocation.Arguments.Length == 0)
            {
                return false;
            }

            return IsAbsent(invocation.Arguments[0].Value, out variable);
        }

        private static bool IsAbsent(IOperation nameValue, out string variable)
        {
            variable = string.Empty;
            var name = OperationFacts.Unwrap(nameValue).ConstantValue;
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
