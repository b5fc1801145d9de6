using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// SNAP052: SnapStart together with a setting Lambda rejects: a runtime older than <c>dotnet8</c> or an OS-only
    /// runtime, EFS, ephemeral storage over 512 MB, provisioned concurrency. Container images are supported.
    /// Reported on the setting's key (for ephemeral storage, on <c>Size</c>).
    /// </summary>
    internal static class SNAP052RejectedSetting
    {
        private const int MaxEphemeralStorage = 512;

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP052RejectedSetting;

        public static IEnumerable<TemplateFinding> Find(DeploymentScope scope)
        {
            foreach (var function in scope.Functions)
            {
                var runtime = function.Runtime;
                if (runtime != null && !function.IsImage && TemplateIntrinsics.LiteralText(runtime.Value) is string runtimeName && IsRejectedRuntime(runtimeName))
                {
                    yield return Finding(function, runtime, "runtime '" + runtimeName.Trim() + "' (SnapStart for .NET needs dotnet8 or later, not an OS-only runtime)");
                }

                var fileSystems = function.FileSystemConfigs;
                if (fileSystems != null && !IsEmpty(fileSystems.Value))
                {
                    yield return Finding(function, fileSystems, "EFS file systems (" + fileSystems.Name + ")");
                }

                var size = function.EphemeralStorageSize;
                if (size != null && TemplateIntrinsics.LiteralInteger(size.Value) is long megabytes && megabytes > MaxEphemeralStorage)
                {
                    yield return Finding(function, size, megabytes.ToString(CultureInfo.InvariantCulture) + " MB of ephemeral storage (at most 512 MB)");
                }

                var provisioned = function.ProvisionedConcurrency;
                if (provisioned != null && !IsEmpty(provisioned.Value))
                {
                    yield return Finding(function, provisioned, "provisioned concurrency (ProvisionedConcurrencyConfig)");
                }

                foreach (var version in scope.Model.Versions)
                {
                    if (ReferenceEquals(version.Function, function)
                        && version.Properties?.Find("ProvisionedConcurrencyConfig") is TemplateEntry onVersion
                        && !IsEmpty(onVersion.Value))
                    {
                        yield return Finding(function, onVersion, "provisioned concurrency on " + (version.IsAlias ? "alias" : "version") + " '" + version.Name + "'");
                    }
                }
            }
        }

        /// <summary><c>dotnet6</c>, <c>dotnetcore3.1</c>, <c>provided.al2023</c>: rejected; <c>dotnet8</c>, <c>dotnet10</c>: fine; other languages are not SnapSafe's.</summary>
        public static bool IsRejectedRuntime(string runtime)
        {
            runtime = runtime.Trim().ToLowerInvariant();
            if (runtime.StartsWith("provided", StringComparison.Ordinal) || runtime.StartsWith("dotnetcore", StringComparison.Ordinal))
            {
                return true;
            }

            if (!runtime.StartsWith("dotnet", StringComparison.Ordinal))
            {
                return false;
            }

            var version = runtime.Substring("dotnet".Length);
            var dot = version.IndexOf('.');
            if (dot >= 0)
            {
                version = version.Substring(0, dot);
            }

            return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major < 8;
        }

        private static bool IsEmpty(TemplateNode value)
            => value is TemplateSequence sequence && !TemplateIntrinsics.IsIntrinsic(sequence) ? sequence.Items.Length == 0
                : value is TemplateMapping mapping && !TemplateIntrinsics.IsIntrinsic(mapping) ? mapping.Entries.Length == 0
                : value is TemplateScalar scalar && scalar.Tag == null && (scalar.IsNull || scalar.Value.Trim().Length == 0);

        private static TemplateFinding Finding(DeployedFunction function, TemplateEntry setting, string what)
            => new TemplateFinding(Descriptor, setting.Key.Span, new object[] { function.Name, what });
    }
}
