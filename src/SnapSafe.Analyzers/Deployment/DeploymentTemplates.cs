using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>One Lambda function a template deploys: its handler string and whether SnapStart is on for it.</summary>
    internal sealed class DeployedFunction
    {
        public DeployedFunction(string handler, bool? snapStart, string file)
        {
            Handler = handler;
            SnapStart = snapStart;
            File = file;
        }

        /// <summary><c>Assembly::Namespace.Type::Method</c>, or the assembly name for an executable assembly.</summary>
        public string Handler { get; }

        /// <summary>True (<c>PublishedVersions</c>), false (no SnapStart, or <c>None</c>), null (cannot be told).</summary>
        public bool? SnapStart { get; }

        public string File { get; }
    }

    /// <summary>
    /// Where SnapStart is on, read from the deployment files a project hands to the analyzers as AdditionalFiles:
    /// <c>serverless.template</c> and <c>template.yaml</c>/<c>template.yml</c> (SAM or raw CloudFormation, JSON or
    /// YAML, with <c>Globals.Function</c>) and <c>aws-lambda-tools-defaults.json</c>.
    /// </summary>
    internal sealed class DeploymentTemplates
    {
        public static readonly DeploymentTemplates None = new DeploymentTemplates(ImmutableArray<DeployedFunction>.Empty, ImmutableArray<Diagnostic>.Empty);

        private DeploymentTemplates(ImmutableArray<DeployedFunction> functions, ImmutableArray<Diagnostic> errors)
        {
            Functions = functions;
            Errors = errors;
        }

        public ImmutableArray<DeployedFunction> Functions { get; }

        /// <summary>SNAP901 diagnostics for files that could not be read.</summary>
        public ImmutableArray<Diagnostic> Errors { get; }

        public static bool IsTemplateFile(string path)
        {
            var name = Path.GetFileName(path);
            return string.Equals(name, "serverless.template", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "template.yaml", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "template.yml", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase);
        }

        public static DeploymentTemplates Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            List<DeployedFunction>? functions = null;
            List<Diagnostic>? errors = null;
            foreach (var file in files)
            {
                if (!IsTemplateFile(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text == null)
                {
                    continue;
                }

                var content = text.ToString();
                var trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
                object? document;
                string? error;
                int offset;
                var isJson = trimmed.StartsWith("{", StringComparison.Ordinal);
                var ok = isJson
                    ? JsonDocumentReader.TryRead(content, out document, out error, out offset)
                    : YamlDocumentReader.TryRead(content, out document, out error, out offset);
                if (!ok)
                {
                    errors ??= new List<Diagnostic>();
                    var position = Math.Max(0, Math.Min(offset, text.Length));
                    var span = new TextSpan(position, 0);
                    var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                    errors.Add(Diagnostic.Create(Descriptors.SNAP901TemplateUnreadable, location, Path.GetFileName(file.Path), error));
                    continue;
                }

                functions ??= new List<DeployedFunction>();
                if (string.Equals(Path.GetFileName(file.Path), "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase))
                {
                    ReadToolsDefaults(document as Dictionary<string, object?>, file.Path, functions);
                }
                else
                {
                    ReadTemplate(document as Dictionary<string, object?>, file.Path, functions);
                }
            }

            if (functions == null && errors == null)
            {
                return None;
            }

            return new DeploymentTemplates(
                functions?.ToImmutableArray() ?? ImmutableArray<DeployedFunction>.Empty,
                errors?.ToImmutableArray() ?? ImmutableArray<Diagnostic>.Empty);
        }

        private static void ReadToolsDefaults(Dictionary<string, object?>? root, string path, List<DeployedFunction> functions)
        {
            if (root == null || root.TryGetValue("function-handler", out var handler) is false || handler is not string handlerText)
            {
                return;
            }

            bool? snapStart = false;
            if (root.TryGetValue("snap-start-apply-on", out var applyOn))
            {
                snapStart = ApplyOn(applyOn);
            }

            functions.Add(new DeployedFunction(handlerText, snapStart, path));
        }

        private static void ReadTemplate(Dictionary<string, object?>? root, string path, List<DeployedFunction> functions)
        {
            if (root == null || !(Get(root, "Resources") is Dictionary<string, object?> resources))
            {
                return;
            }

            var globals = Get(Get(root, "Globals") as Dictionary<string, object?>, "Function") as Dictionary<string, object?>;
            var globalHandler = Get(globals, "Handler") as string;

            foreach (var resource in resources.Values)
            {
                if (!(resource is Dictionary<string, object?> definition) || !(Get(definition, "Type") is string type))
                {
                    continue;
                }

                var serverless = type == "AWS::Serverless::Function";
                if (!serverless && type != "AWS::Lambda::Function")
                {
                    continue;
                }

                var properties = Get(definition, "Properties") as Dictionary<string, object?>;
                var handler = Get(properties, "Handler") as string ?? (serverless ? globalHandler : null);
                if (handler == null)
                {
                    continue;
                }

                // The function's own SnapStart block wins; SAM functions inherit Globals.Function; no block means off.
                bool? snapStart;
                if (properties != null && properties.ContainsKey("SnapStart"))
                {
                    snapStart = SnapStartOf(properties);
                }
                else if (serverless && globals != null && globals.ContainsKey("SnapStart"))
                {
                    snapStart = SnapStartOf(globals);
                }
                else
                {
                    snapStart = false;
                }

                functions.Add(new DeployedFunction(handler, snapStart, path));
            }
        }

        private static bool? SnapStartOf(Dictionary<string, object?>? properties)
        {
            if (properties == null || !properties.TryGetValue("SnapStart", out var block))
            {
                return false;
            }

            return block is Dictionary<string, object?> snapStart && snapStart.TryGetValue("ApplyOn", out var applyOn) ? ApplyOn(applyOn) : null;
        }

        private static bool? ApplyOn(object? value) => value switch
        {
            string text when string.Equals(text, "PublishedVersions", StringComparison.OrdinalIgnoreCase) => true,
            string text when string.Equals(text, "None", StringComparison.OrdinalIgnoreCase) => false,
            _ => null,
        };

        private static object? Get(Dictionary<string, object?>? map, string key)
            => map != null && map.TryGetValue(key, out var value) ? value : null;
    }
}
