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
    /// SNAP024: AWS credentials that can only come from the access-key environment variables, which SnapStart leaves
    /// unset: <c>new EnvironmentVariablesAWSCredentials()</c>, and <c>BasicAWSCredentials</c>/<c>SessionAWSCredentials</c>
    /// built from reads of <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> or <c>AWS_SESSION_TOKEN</c> (the reads
    /// themselves are SNAP023). Anywhere in a Lambda compilation, reported on the creation.
    /// </summary>
    internal static class SNAP024CredentialsNeedAbsentVariables
    {
        /// <summary>How many locals deep an argument is followed back to an environment read.</summary>
        private const int MaxLocalDepth = 3;

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP024CredentialsNeedAbsentVariables;

        /// <summary>Syntax-first: only creations whose type name ends with "Credentials" (or target-typed ones) are bound.</summary>
        public static void Register(CompilationStartAnalysisContext context, KnownTypes types, SnapStartGate gate)
        {
            if (types.EnvironmentVariablesAWSCredentials == null && types.BasicAWSCredentials == null && types.SessionAWSCredentials == null)
            {
                return;
            }

            context.RegisterSyntaxNodeAction(
                syntaxContext =>
                {
                    var node = syntaxContext.Node;
                    if (IsCandidate(node)
                        && syntaxContext.SemanticModel.GetOperation(node, syntaxContext.CancellationToken) is IObjectCreationOperation creation
                        && TryMatch(creation, types, out var api)
                        && !gate.IsSilenced(node.SyntaxTree))
                    {
                        syntaxContext.ReportDiagnostic(Diagnostic.Create(Descriptor, node.GetLocation(), api));
                    }
                },
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        }

        public static bool IsCandidate(SyntaxNode node) => node switch
        {
            ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type)?.EndsWith("Credentials", System.StringComparison.Ordinal) == true,
            ImplicitObjectCreationExpressionSyntax => true,
            _ => false,
        };

        /// <summary>The credentials creation needs the absent variables; <paramref name="api"/> names it for the message.</summary>
        public static bool TryMatch(IObjectCreationOperation creation, KnownTypes types, out string api)
        {
            api = string.Empty;
            var type = creation.Type;
            if (KnownTypes.IsOrDerives(type, types.EnvironmentVariablesAWSCredentials))
            {
                api = "new " + type!.Name + "()";
                return true;
            }

            if (!KnownTypes.IsOrDerives(type, types.BasicAWSCredentials) && !KnownTypes.IsOrDerives(type, types.SessionAWSCredentials))
            {
                return false;
            }

            foreach (var argument in creation.Arguments)
            {
                if (ReadsAbsentVariable(argument.Value, types, 0))
                {
                    api = "new " + type!.Name + "(...)";
                    return true;
                }
            }

            return false;
        }

        /// <summary>The value is (or derives through <c>!</c>, <c>??</c>, conversions and locals from) a read of an absent variable.</summary>
        private static bool ReadsAbsentVariable(IOperation value, KnownTypes types, int depth)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (SNAP023EnvironmentVariableAbsent.TryMatchRead(operation, types, out _))
                {
                    return true;
                }

                if (operation is ILocalReferenceOperation local && depth < MaxLocalDepth)
                {
                    var root = OperationFacts.RootOf(operation);
                    foreach (var candidate in root.Descendants())
                    {
                        var assigned = candidate switch
                        {
                            IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                                when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) => initializer.Value,
                            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                                when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment.Value,
                            _ => null,
                        };

                        if (assigned != null && ReadsAbsentVariable(assigned, types, depth + 1))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
