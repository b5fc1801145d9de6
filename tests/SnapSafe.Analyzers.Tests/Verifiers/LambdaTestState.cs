using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>A verifier test that can compile against the data-provider and AWS SDK packages.</summary>
    public interface IProviderPackagesTest
    {
        /// <summary>The test project references the packages of <see cref="PackageReferences"/>.</summary>
        bool ProviderPackages { get; set; }
    }

    /// <summary>
    /// Shapes the project a verifier test builds: the programming model's references and output kind, and the
    /// configuration files (.editorconfig, .globalconfig) and additional files (deployment templates) it carries.
    /// </summary>
    public static class LambdaTestState
    {
        /// <summary>Where <see cref="WithEditorConfig{TTest}"/> puts the file: above every test document.</summary>
        public const string EditorConfigPath = "/.editorconfig";

        /// <summary>Where <see cref="WithGlobalConfig{TTest}"/> puts the file.</summary>
        public const string GlobalConfigPath = "/.globalconfig";

        /// <summary>Adds the references and output kind of <paramref name="model"/> to the test's project.</summary>
        public static async Task ApplyAsync(SolutionState state, LambdaModel model)
        {
            state.AdditionalReferences.AddRange(await StandInReferences.ForModelAsync(model).ConfigureAwait(false));
            state.OutputKind ??= StandInReferences.OutputKindOf(model);
        }

        /// <summary>
        /// Adds the references and output kind of <paramref name="model"/> and, when <paramref name="providerPackages"/>
        /// is set, the data-provider and AWS SDK packages (<see cref="PackageReferences"/>).
        /// </summary>
        public static async Task ApplyAsync(SolutionState state, LambdaModel model, bool providerPackages)
        {
            await ApplyAsync(state, model).ConfigureAwait(false);
            if (providerPackages)
            {
                foreach (var reference in await PackageReferences.AllAsync().ConfigureAwait(false))
                {
                    if (!state.AdditionalReferences.Contains(reference))
                    {
                        state.AdditionalReferences.Add(reference);
                    }
                }
            }
        }

        /// <summary>
        /// Compiles the test against the real Npgsql, MySqlConnector, Microsoft.Data.SqlClient, StackExchange.Redis
        /// and AWS SDK packages and the AWSSDK.SecretsManager stand-in, on top of its programming model.
        /// </summary>
        public static TTest WithPackages<TTest>(this TTest test)
            where TTest : IProviderPackagesTest
        {
            test.ProviderPackages = true;
            return test;
        }

        /// <summary>
        /// Adds an .editorconfig that applies to every C# document of the test. Text without a section header is
        /// placed under <c>[*.cs]</c>; for example <c>dotnet_diagnostic.SNAP001.severity = none</c>.
        /// </summary>
        public static TTest WithEditorConfig<TTest>(this TTest test, string text)
            where TTest : AnalyzerTest<DefaultVerifier>
        {
            var body = text.TrimStart().StartsWith("[", StringComparison.Ordinal) || text.Contains("\n[", StringComparison.Ordinal)
                ? text
                : "[*.cs]" + Environment.NewLine + text;
            test.TestState.AnalyzerConfigFiles.Add((EditorConfigPath, "root = true" + Environment.NewLine + Environment.NewLine + body + Environment.NewLine));
            return test;
        }

        /// <summary>
        /// Adds a .globalconfig (project-wide options such as <c>snapsafe.snapstart = disabled</c>); the
        /// <c>is_global = true</c> line is added when the text lacks it.
        /// </summary>
        public static TTest WithGlobalConfig<TTest>(this TTest test, string text)
            where TTest : AnalyzerTest<DefaultVerifier>
        {
            var body = text.Contains("is_global", StringComparison.Ordinal) ? text : "is_global = true" + Environment.NewLine + text;
            test.TestState.AnalyzerConfigFiles.Add((GlobalConfigPath, body + Environment.NewLine));
            return test;
        }

        /// <summary>
        /// Adds an additional file, for example <c>("serverless.template", json)</c> or
        /// <c>("aws-lambda-tools-defaults.json", json)</c>. A bare file name is placed in the project folder.
        /// </summary>
        public static TTest WithAdditionalFile<TTest>(this TTest test, string path, string text)
            where TTest : AnalyzerTest<DefaultVerifier>
        {
            test.TestState.AdditionalFiles.Add((path.StartsWith("/", StringComparison.Ordinal) ? path : "/0/" + path, text));
            return test;
        }
    }
}
