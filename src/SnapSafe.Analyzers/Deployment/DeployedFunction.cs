using System;
using System.Collections.Generic;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>How a function is declared.</summary>
    internal enum FunctionKind
    {
        /// <summary>A SAM <c>AWS::Serverless::Function</c>: <c>Globals.Function</c> applies, <c>AutoPublishAlias</c> publishes.</summary>
        Serverless,

        /// <summary>A raw CloudFormation <c>AWS::Lambda::Function</c>: an <c>AWS::Lambda::Version</c> publishes.</summary>
        Lambda,

        /// <summary><c>aws-lambda-tools-defaults.json</c> for <c>dotnet lambda deploy-function</c>: <c>"function-publish": true</c> publishes.</summary>
        ToolsDefaults,
    }

    /// <summary>
    /// One Lambda function a deployment file declares, with the settings SnapSafe reads. Every value keeps its
    /// node, so that a rule reports on the property that causes it.
    /// </summary>
    internal sealed class DeployedFunction
    {
        public const string ToolsHandlerKey = "function-handler";
        public const string ToolsSnapStartKey = "snap-start-apply-on";

        public DeployedFunction(TemplateFile file, FunctionKind kind, string name, TemplateEntry? resource, TemplateMapping? properties, TemplateMapping? globals)
        {
            File = file;
            Kind = kind;
            Name = name;
            Resource = resource;
            Properties = properties;
            Globals = kind == FunctionKind.Serverless ? globals : null;

            var handler = Property(kind == FunctionKind.ToolsDefaults ? ToolsHandlerKey : "Handler");
            if (handler != null && TemplateIntrinsics.LiteralText(handler.Value) is string handlerText)
            {
                Handler = handlerText.Trim();
                HandlerNode = handler.Value;
                HandlerFromProperty = true;
            }
            else if (kind != FunctionKind.ToolsDefaults
                && Properties?["ImageConfig"] is TemplateMapping imageConfig
                && imageConfig["Command"] is TemplateSequence command
                && command.Items.Length > 0
                && TemplateIntrinsics.LiteralText(command.Items[0]) is string commandText)
            {
                // A container image function names its handler in ImageConfig.Command.
                Handler = commandText.Trim();
                HandlerNode = command.Items[0];
            }

            if (kind == FunctionKind.ToolsDefaults)
            {
                SnapStartEntry = Property(ToolsSnapStartKey);
                SnapStart = SnapStartEntry == null ? false : ApplyOn(SnapStartEntry.Value);
            }
            else
            {
                // The function's own SnapStart block wins; SAM functions inherit Globals.Function; no block means off.
                SnapStartEntry = Property("SnapStart");
                SnapStartFromGlobals = SnapStartEntry != null && Properties?.Find("SnapStart") == null;
                SnapStart = SnapStartEntry == null ? false
                    : SnapStartEntry.Value is TemplateMapping block && !TemplateIntrinsics.IsIntrinsic(block) && block["ApplyOn"] is TemplateNode applyOn ? ApplyOn(applyOn)
                    : (bool?)null;
            }
        }

        public TemplateFile File { get; }

        public FunctionKind Kind { get; }

        /// <summary>The resource's logical ID; for tools defaults, <c>function-name</c> or the file name.</summary>
        public string Name { get; }

        /// <summary>The resource's entry under <c>Resources</c> (its key is the logical ID); null for tools defaults.</summary>
        public TemplateEntry? Resource { get; }

        /// <summary>The resource's <c>Properties</c>; for tools defaults, the file's root object.</summary>
        public TemplateMapping? Properties { get; }

        /// <summary><c>Globals.Function</c> for a SAM function, else null.</summary>
        public TemplateMapping? Globals { get; }

        /// <summary><c>Assembly::Namespace.Type::Method</c>, or the assembly name for an executable assembly; null when not a literal.</summary>
        public string? Handler { get; }

        public TemplateNode? HandlerNode { get; }

        /// <summary>The handler comes from <c>Handler</c> (or <c>function-handler</c>), not from a container image's command.</summary>
        public bool HandlerFromProperty { get; }

        /// <summary>The assembly part of <see cref="Handler"/>.</summary>
        public string? HandlerAssembly
        {
            get
            {
                if (Handler == null)
                {
                    return null;
                }

                var separator = Handler.IndexOf("::", StringComparison.Ordinal);
                return (separator < 0 ? Handler : Handler.Substring(0, separator)).Trim();
            }
        }

        /// <summary>True (<c>PublishedVersions</c>), false (no SnapStart, or <c>None</c>), null (cannot be told: an intrinsic function).</summary>
        public bool? SnapStart { get; }

        /// <summary>The <c>SnapStart</c> entry that applies (the function's own or <c>Globals.Function</c>'s), or <c>snap-start-apply-on</c>.</summary>
        public TemplateEntry? SnapStartEntry { get; }

        public bool SnapStartFromGlobals { get; }

        /// <summary>The entry that applies for a property: the function's own, else for SAM functions <c>Globals.Function</c>'s.</summary>
        public TemplateEntry? Property(string name) => Properties?.Find(name) ?? Globals?.Find(name);

        /// <summary>
        /// Both entries of a property SAM merges (lists are concatenated, maps merged: <c>Layers</c>,
        /// <c>Environment</c>): <c>Globals.Function</c>'s first, then the function's own.
        /// </summary>
        public IEnumerable<TemplateEntry> MergedProperty(string name)
        {
            if (Globals?.Find(name) is TemplateEntry global)
            {
                yield return global;
            }

            if (Properties?.Find(name) is TemplateEntry own)
            {
                yield return own;
            }
        }

        /// <summary>A SAM function whose <c>AutoPublishAlias</c> (its own or from <c>Globals.Function</c>) publishes a version and an alias.</summary>
        public bool HasAutoPublishAlias
            => Kind == FunctionKind.Serverless && Property("AutoPublishAlias") is TemplateEntry alias
                && !(alias.Value is TemplateScalar scalar && scalar.Tag == null && (scalar.IsNull || scalar.Value.Trim().Length == 0));

        /// <summary><c>Runtime</c> (<c>function-runtime</c> in tools defaults).</summary>
        public TemplateEntry? Runtime => Property(Kind == FunctionKind.ToolsDefaults ? "function-runtime" : "Runtime");

        /// <summary><c>FileSystemConfigs</c>: EFS access points (<c>file-system-configs</c> in tools defaults).</summary>
        public TemplateEntry? FileSystemConfigs => Property(Kind == FunctionKind.ToolsDefaults ? "file-system-configs" : "FileSystemConfigs");

        /// <summary><c>EphemeralStorage.Size</c> in MB (<c>ephemerals-storage-size</c> in tools defaults).</summary>
        public TemplateEntry? EphemeralStorageSize
            => Kind == FunctionKind.ToolsDefaults ? Property("ephemerals-storage-size") : (Property("EphemeralStorage")?.Value as TemplateMapping)?.Find("Size");

        /// <summary><c>ProvisionedConcurrencyConfig</c> on the function (tools defaults have no such key).</summary>
        public TemplateEntry? ProvisionedConcurrency => Kind == FunctionKind.ToolsDefaults ? null : Property("ProvisionedConcurrencyConfig");

        /// <summary><c>Layers</c> (SAM merges Globals.Function's with the function's own; <c>function-layers</c> in tools defaults).</summary>
        public IEnumerable<TemplateEntry> Layers => Kind == FunctionKind.ToolsDefaults ? Single(Property("function-layers")) : MergedProperty("Layers");

        /// <summary>
        /// <c>Environment</c> (SAM merges Globals.Function's with the function's own), whose <c>Variables</c> hold the
        /// variables; in tools defaults <c>environment-variables</c>, an object or a <c>KEY=value;KEY2=value2</c> string.
        /// </summary>
        public IEnumerable<TemplateEntry> Environment => Kind == FunctionKind.ToolsDefaults ? Single(Property("environment-variables")) : MergedProperty("Environment");

        /// <summary>Deployed as a container image (<c>PackageType: Image</c>, or <c>package-type</c> in tools defaults).</summary>
        public bool IsImage
        {
            get
            {
                var packageType = TemplateIntrinsics.LiteralText(Property(Kind == FunctionKind.ToolsDefaults ? "package-type" : "PackageType")?.Value);
                return string.Equals(packageType, "Image", StringComparison.OrdinalIgnoreCase);
            }
        }

        public override string ToString() => Name;

        private static IEnumerable<TemplateEntry> Single(TemplateEntry? entry)
        {
            if (entry != null)
            {
                yield return entry;
            }
        }

        private static bool? ApplyOn(TemplateNode value) => TemplateIntrinsics.LiteralText(value) switch
        {
            string text when string.Equals(text, "PublishedVersions", StringComparison.OrdinalIgnoreCase) => true,
            string text when string.Equals(text, "None", StringComparison.OrdinalIgnoreCase) => false,
            _ => null,
        };
    }
}
