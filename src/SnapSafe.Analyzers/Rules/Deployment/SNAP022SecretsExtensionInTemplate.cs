using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// SNAP022, template form: a SnapStart function with the Parameters and Secrets extension layer (an ARN naming
    /// <c>AWS-Parameters-and-Secrets-Lambda-Extension</c>) or <c>PARAMETERS_SECRETS_EXTENSION_*</c> variables.
    /// Reported on the layer and on the variable. The C# form (string literals) is SNAP022SecretsExtensionUsed.
    /// </summary>
    internal static class SNAP022SecretsExtensionInTemplate
    {
        private const string LayerMarker = "AWS-Parameters-and-Secrets-Lambda-Extension";
        private const string VariablePrefix = "PARAMETERS_SECRETS_EXTENSION_";

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP022SecretsExtensionUsed;

        public static IEnumerable<TemplateFinding> Find(DeploymentScope scope)
        {
            foreach (var function in scope.Functions)
            {
                foreach (var layers in function.Layers)
                {
                    foreach (var (node, text) in TemplateIntrinsics.Strings(layers.Value))
                    {
                        if (text.IndexOf(LayerMarker, StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            yield return new TemplateFinding(Descriptor, node.Span, new object[] { text.Trim() });
                        }
                    }
                }

                foreach (var environment in function.Environment)
                {
                    // SAM and CloudFormation: Environment.Variables; tools defaults: the variables themselves.
                    var variables = function.Kind == FunctionKind.ToolsDefaults ? environment.Value : (environment.Value as TemplateMapping)?["Variables"];
                    if (variables is TemplateMapping map)
                    {
                        foreach (var finding in Variables(map))
                        {
                            yield return finding;
                        }
                    }
                    else if (function.Kind == FunctionKind.ToolsDefaults && TemplateIntrinsics.LiteralText(variables) is string list)
                    {
                        // "KEY=value;KEY2=value2", as dotnet lambda writes it.
                        foreach (var pair in list.Split(';'))
                        {
                            var name = pair.Split('=')[0].Trim();
                            if (name.StartsWith(VariablePrefix, StringComparison.OrdinalIgnoreCase))
                            {
                                yield return new TemplateFinding(Descriptor, environment.Value.Span, new object[] { name });
                            }
                        }
                    }
                }
            }
        }

        private static IEnumerable<TemplateFinding> Variables(TemplateMapping variables)
        {
            foreach (var variable in variables.Entries)
            {
                if (variable.Name.StartsWith(VariablePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new TemplateFinding(Descriptor, variable.Key.Span, new object[] { variable.Name });
                }
            }
        }
    }
}
