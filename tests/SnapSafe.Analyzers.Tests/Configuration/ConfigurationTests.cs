using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Configuration
{
    /// <summary>
    /// Every <c>snapsafe.*</c> key with a value that works and one that does not (SNAP900 names the key and the
    /// value, on the first line of the first source file the value applies to), and the compiler's severity keys,
    /// from .editorconfig and .globalconfig. Where and how often SNAP900 is reported: SNAP900InvalidConfigurationTests.
    /// </summary>
    public class ConfigurationTests
    {
        internal const string Flagged = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
    public string Handler(string input, ILambdaContext context) => input;
}";

        internal const string Silent = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = Guid.NewGuid();
    public string Handler(string input, ILambdaContext context) => input;
}";

        internal const string SnapStartReason = "expected auto, enabled or disabled; auto applies";
        internal const string TypeNameReason = "expected a full type name such as MyCompany.Orders.Function; this entry is ignored";
        internal const string MethodIdReason = "expected a documentation-comment ID such as M:MyCo.Vault.Read(System.String); this entry is ignored";

        internal static Task VerifyWithEditorConfigAsync(string source, string editorConfig, params DiagnosticResult[] expected)
        {
            var test = new BuiltTest { TestCode = source }.WithEditorConfig(editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        internal static Task VerifyWithGlobalConfigAsync(string source, string globalConfig, params DiagnosticResult[] expected)
        {
            var test = new BuiltTest { TestCode = source }.WithGlobalConfig(globalConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// SNAP900 on the first line of code of the file the value applies to: in these tests the only source file,
        /// whose line 1 is empty, so line 2.
        /// </summary>
        internal static DiagnosticResult InvalidConfiguration(string key, string value, string reason, string path = "/0/Test0.cs", int line = 2)
            => VerifyCS.Diagnostic("SNAP900").WithLocation(path, line, 1).WithArguments(key, value, reason);

        // snapsafe.snapstart

        [Fact]
        public Task SnapStartDisabled_SilencesEveryRule() => VerifyWithEditorConfigAsync(
            Silent.Replace("=> input;", "=> input + Environment.GetEnvironmentVariable(\"AWS_SESSION_TOKEN\") + \"http://localhost:2773\";"),
            "snapsafe.snapstart = disabled");

        [Fact]
        public Task SnapStartEnabled_Reports() => VerifyWithEditorConfigAsync(Flagged, "snapsafe.snapstart = enabled");

        [Fact]
        public Task SnapStartAuto_WithoutTemplates_Reports() => VerifyWithEditorConfigAsync(Flagged, "snapsafe.snapstart = auto");

        [Fact]
        public Task SnapStartValue_IsCaseInsensitive() => VerifyWithEditorConfigAsync(Silent, "snapsafe.snapstart = Disabled");

        [Fact]
        public Task SnapStartDisabled_InGlobalConfig_SilencesEveryRule() => VerifyWithGlobalConfigAsync(Silent, "snapsafe.snapstart = disabled");

        [Fact]
        public Task SnapStartInvalid_IsReportedAndAutoApplies() => VerifyWithEditorConfigAsync(
            Flagged,
            "snapsafe.snapstart = sometimes",
            InvalidConfiguration("snapsafe.snapstart", "sometimes", SnapStartReason));

        [Fact]
        public Task SnapStartInvalid_InGlobalConfig_IsReported() => VerifyWithGlobalConfigAsync(
            Flagged,
            "snapsafe.snapstart = off",
            InvalidConfiguration("snapsafe.snapstart", "off", SnapStartReason));

        [Fact]
        public Task SnapStart_IsReadPerFile_WithTheGlobalConfigAsFallback()
        {
            var test = new BuiltTest
            {
                TestState =
                {
                    Sources =
                    {
                        ("/0/Current/Orders.cs", @"
using System;
using Amazon.Lambda.Core;

public class Orders
{
    private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
    public string Handler(string input, ILambdaContext context) => input;
}"),
                        ("/0/Legacy/Reports.cs", @"
using System;
using Amazon.Lambda.Core;

public class Reports
{
    private readonly Guid _id = Guid.NewGuid();
    public string Handler(string input, ILambdaContext context) => input;
}"),
                    },
                    AnalyzerConfigFiles =
                    {
                        ("/0/.editorconfig", "root = true\n\n[Legacy/**.cs]\nsnapsafe.snapstart = disabled\n"),
                    },
                },
            };
            return test.WithGlobalConfig("snapsafe.snapstart = enabled").RunAsync(CancellationToken.None);
        }

        // Severity keys

        [Fact]
        public Task SeverityNone_SilencesOneRule() => VerifyWithEditorConfigAsync(Silent, "dotnet_diagnostic.SNAP002.severity = none");

        [Fact]
        public Task SeverityError_RaisesOneRule() => VerifyWithEditorConfigAsync(
            Silent.Replace("Guid.NewGuid()", "{|#0:Guid.NewGuid()|}"),
            "dotnet_diagnostic.SNAP002.severity = error",
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("_id", "Guid.NewGuid()"));

        [Fact]
        public Task CategorySeverityNone_SilencesTheCategory() => VerifyWithEditorConfigAsync(
            Silent.Replace("=> input;", "=> input + Environment.GetEnvironmentVariable(\"AWS_SESSION_TOKEN\");"),
            "dotnet_analyzer_diagnostic.category-SnapStart.severity = none");

        [Fact]
        public Task CategorySeverityError_RaisesEveryRule() => VerifyWithEditorConfigAsync(
            @"
using System;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = {|#0:Guid.NewGuid()|};
    private readonly CancellationTokenSource _deadline = {|#1:new CancellationTokenSource(TimeSpan.FromMinutes(10))|};
    public string Handler(string input, ILambdaContext context) => input;
}",
            "dotnet_analyzer_diagnostic.category-SnapStart.severity = error",
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP004").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("_deadline", "CancellationTokenSource timeout"));

        [Fact]
        public Task RuleSeverity_WinsOverTheCategory() => VerifyWithEditorConfigAsync(
            @"
using System;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = {|#0:Guid.NewGuid()|};
    private readonly CancellationTokenSource _deadline = {|#1:new CancellationTokenSource(TimeSpan.FromMinutes(10))|};
    public string Handler(string input, ILambdaContext context) => input;
}",
            "dotnet_analyzer_diagnostic.category-SnapStart.severity = error\ndotnet_diagnostic.SNAP004.severity = suggestion",
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("_id", "Guid.NewGuid()"),
            VerifyCS.Diagnostic("SNAP004").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("_deadline", "CancellationTokenSource timeout"));

        [Fact]
        public Task SeverityKeys_InGlobalConfig_Apply() => VerifyWithGlobalConfigAsync(
            Silent.Replace("Guid.NewGuid()", "{|#0:Guid.NewGuid()|}"),
            "dotnet_analyzer_diagnostic.category-SnapStart.severity = error",
            VerifyCS.Diagnostic("SNAP002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("_id", "Guid.NewGuid()"));

        // snapsafe.handler_types

        [Fact]
        public Task HandlerTypes_MakeAClassAHandlerWithoutILambdaContext() => VerifyWithEditorConfigAsync(
            @"
using System;

namespace Orders
{
    public class Processor
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Process(string input) => input + _id;

        public class Nested
        {
            private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
            public string Process(string input) => input + _id;
        }
    }

    public class NotConfigured
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Process(string input) => input + _id;
    }
}",
            "snapsafe.handler_types = Orders.Processor, global::Orders.Processor+Nested");

        [Fact]
        public Task HandlerTypes_InGlobalConfig_MakeAClassAHandler() => VerifyWithGlobalConfigAsync(
            @"
using System;

namespace Orders
{
    public class Processor
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Process(string input) => input + _id;
    }
}",
            "snapsafe.handler_types = Orders.Processor");

        [Fact]
        public Task HandlerTypesInvalid_IsReportedAndTheEntryIgnored() => VerifyWithEditorConfigAsync(
            @"
using System;

namespace Orders
{
    public class Processor
    {
        private readonly Guid _id = Guid.NewGuid();
        public string Process(string input) => input + _id;
    }

    public class Refunds
    {
        private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
        public string Process(string input) => input + _id;
    }
}",
            "snapsafe.handler_types = Orders.Processor::Process, Orders.Refunds",
            InvalidConfiguration("snapsafe.handler_types", "Orders.Processor::Process", TypeNameReason));

        // snapsafe.sensitive_types

        private const string SensitiveSource = @"
using Amazon.Lambda.Core;

namespace MyCo.Messaging
{
    public sealed class BrokerSession { }

    public class Function
    {
        private readonly BrokerSession _session = {|#0:new BrokerSession()|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}";

        [Fact]
        public Task SensitiveTypes_ReportKeptInstances() => VerifyWithEditorConfigAsync(
            SensitiveSource.Replace("{|#0:new BrokerSession()|}", "{|SNAP043:new BrokerSession()|}"),
            "snapsafe.sensitive_types = MyCo.Messaging.BrokerSession");

        [Fact]
        public Task SensitiveTypesInvalid_IsReportedAndTheEntryIgnored() => VerifyWithEditorConfigAsync(
            SensitiveSource.Replace("{|#0:new BrokerSession()|}", "new BrokerSession()"),
            "snapsafe.sensitive_types = MyCo.Messaging..BrokerSession",
            InvalidConfiguration("snapsafe.sensitive_types", "MyCo.Messaging..BrokerSession", TypeNameReason));

        // snapsafe.unique_value_methods, snapsafe.secret_methods, snapsafe.connection_methods

        [Fact]
        public Task UniqueValueMethods_AddApisToSnap002() => VerifyWithEditorConfigAsync(
            @"
using Amazon.Lambda.Core;

namespace MyCo
{
    public static class Ids { public static string Next(string prefix) => prefix + System.Environment.CurrentManagedThreadId; }

    public class Function
    {
        private readonly string _id = {|SNAP002:Ids.Next(""fn"")|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}",
            "snapsafe.unique_value_methods = M:MyCo.Ids.Next(System.String)");

        [Fact]
        public Task UniqueValueMethodsInvalid_IsReportedAndTheEntryIgnored() => VerifyWithEditorConfigAsync(
            @"
using Amazon.Lambda.Core;

namespace MyCo
{
    public static class Ids { public static string Next(string prefix) => prefix + System.Environment.CurrentManagedThreadId; }

    public class Function
    {
        private readonly string _id = Ids.Next(""fn"");
        public string Handler(string input, ILambdaContext context) => input;
    }
}",
            "snapsafe.unique_value_methods = MyCo.Ids.Next",
            InvalidConfiguration("snapsafe.unique_value_methods", "MyCo.Ids.Next", MethodIdReason));

        private const string VaultAndBroker = @"
using Amazon.Lambda.Core;

namespace MyCo
{
    public sealed class Channel { }
    public static class Vault { public static string Read(string name) => name; }
    public static class Broker { public static Channel Connect(string url, int port) => new Channel(); }

    public class Function
    {
        private readonly string _password = {|#0:Vault.Read(""db"")|};
        private readonly Channel _channel = {|#1:Broker.Connect(""amqp://broker"", 5672)|};
        public string Handler(string input, ILambdaContext context) => input;
    }
}";

        [Fact]
        public Task SecretAndConnectionMethods_AddApisToSnap020AndSnap010() => VerifyWithEditorConfigAsync(
            VaultAndBroker.Replace("{|#0:", "{|SNAP020:").Replace("{|#1:", "{|SNAP010:"),
            "snapsafe.secret_methods = M:MyCo.Vault.Read(System.String)\nsnapsafe.connection_methods = M:MyCo.Broker.Connect(System.String, System.Int32)");

        [Fact]
        public Task SecretAndConnectionMethods_InGlobalConfig_AddApis() => VerifyWithGlobalConfigAsync(
            VaultAndBroker.Replace("{|#0:", "{|SNAP020:").Replace("{|#1:", "{|SNAP010:"),
            "snapsafe.secret_methods = M:MyCo.Vault.Read(System.String)\nsnapsafe.connection_methods = M:MyCo.Broker.Connect(System.String,System.Int32)");

        [Fact]
        public Task SecretMethodsInvalid_IsReportedAndTheEntryIgnored() => VerifyWithEditorConfigAsync(
            VaultAndBroker.Replace("{|#0:", "{|SNAP020:").Replace("{|#1:Broker.Connect(\"\"amqp://broker\"\", 5672)|}", "Broker.Connect(\"\"amqp://broker\"\", 5672)"),
            "snapsafe.secret_methods = M:MyCo.Vault.Read(System.String), MyCo.Vault.Fetch",
            InvalidConfiguration("snapsafe.secret_methods", "MyCo.Vault.Fetch", MethodIdReason));

        [Fact]
        public Task ConnectionMethodsInvalid_IsReportedAndTheEntryIgnored() => VerifyWithEditorConfigAsync(
            VaultAndBroker.Replace("{|#0:Vault.Read(\"\"db\"\")|}", "Vault.Read(\"\"db\"\")").Replace("{|#1:Broker.Connect(\"\"amqp://broker\"\", 5672)|}", "Broker.Connect(\"\"amqp://broker\"\", 5672)"),
            "snapsafe.connection_methods = T:MyCo.Broker",
            InvalidConfiguration("snapsafe.connection_methods", "T:MyCo.Broker", MethodIdReason));

        /// <summary>
        /// A class-library test whose compilation options carry no entry for SnapSafe's IDs, as in a build. The
        /// testing library lists every supported ID in the compilation options, as a command-line <c>/nowarn</c> or
        /// <c>/warnaserror</c> would, and such entries outrank the .editorconfig and .globalconfig severities.
        /// </summary>
        internal sealed class BuiltTest : VerifyCS.Test
        {
            public BuiltTest()
                : base(LambdaModel.ClassLibrary)
            {
            }

            protected override Project ApplyCompilationOptions(Project project)
            {
                project = base.ApplyCompilationOptions(project);
                var options = project.CompilationOptions!;
                var snapSafe = options.SpecificDiagnosticOptions.Keys.Where(id => id.StartsWith("SNAP", StringComparison.Ordinal)).ToList();
                return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(snapSafe)));
            }
        }
    }
}
