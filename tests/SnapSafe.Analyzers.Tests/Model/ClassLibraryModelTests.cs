using System.Linq;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The class-library recognizer: which types are handlers, and which of their methods run per invocation.</summary>
    public class ClassLibraryModelTests
    {
        [Fact]
        public async Task HandlerIsTheTypeWithAnILambdaContextMethod()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
public class Function { public string Handler(string input, ILambdaContext context) => input; }
public class Model { public string Name { get; set; } = """"; }");

            var models = Recognize(compilation);

            Assert.Equal(new[] { "Function" }, models.FunctionTypes.Select(t => t.Name));
            Assert.Equal(new[] { "Function" }, models.Get<ClassLibraryModel>().HandlerTypes.Select(t => t.Name));
            Assert.True(models.Get<ClassLibraryModel>().IsPresent);
            Assert.Null(models.EntryPoint);
        }

        [Fact]
        public async Task SerializerAttributeWithoutContext_MakesPublicClassesHandlers()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
public class Function { public string Handler(string input) => input; }
internal class Hidden { public string Run(string input) => input; }");

            var models = Recognize(compilation);

            Assert.Contains(models.FunctionTypes, t => t.Name == "Function");
            Assert.DoesNotContain(models.FunctionTypes, t => t.Name == "Hidden");
        }

        [Fact]
        public async Task SerializerAttribute_PrefersConventionallyNamedHandlers_AndNothingWhenAHandlerIsMarked()
        {
            var named = await CompileAsync(LambdaModel.ClassLibrary, @"
[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
public class Function { public string FunctionHandler(Order input) => input.Id; }
public class Order { public string Id { get; set; } = """"; public string Describe() => Id; }");
            var marked = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
public class Function { public string Handler(string input, ILambdaContext context) => input; }
public class Formatter { public string Format(string input) => input; }");

            Assert.Equal(new[] { "Function" }, Recognize(named).FunctionTypes.Select(t => t.Name));
            Assert.Equal(new[] { "Function" }, Recognize(marked).FunctionTypes.Select(t => t.Name));
        }

        [Fact]
        public async Task ConfiguredAndTemplateHandlerTypes_AreHandlersWithoutContext()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
namespace Shop { public class Checkout { public string Run(string input) => input; } public class Refunds { public string Run(string input) => input; } }
public class Function { public string Handler(string input, Amazon.Lambda.Core.ILambdaContext context) => input; }");

            var models = Recognize(compilation, "snapsafe.handler_types = Shop.Checkout", "Shop.Refunds");

            Assert.Contains(models.FunctionTypes, t => t.Name == "Checkout");
            Assert.Contains(models.FunctionTypes, t => t.Name == "Refunds");
        }

        [Fact]
        public async Task InvocationRoots_AreTheMarkedHandlerMethods_OrEveryPublicMethodOfANamedType()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
public class Function
{
    public string Handler(string input, ILambdaContext context) => Format(input);
    public string Format(string input) => input;
}
namespace Shop { public class Checkout { public string Run(string input) => input; } }");

            var phase = Build(compilation, "snapsafe.handler_types = Shop.Checkout");

            Assert.True(phase.InvocationReach.Reaches(Method(compilation, "Function", "Handler")));
            Assert.True(phase.InvocationReach.Reaches(Method(compilation, "Function", "Format")));
            Assert.True(phase.InvocationReach.Reaches(Method(compilation, "Shop.Checkout", "Run")));
        }

        [Fact]
        public async Task LateRegistrationInAHandlerMethod_MovesToTheConstructor()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
        return input;
    }

    public static void Warm() => SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
}");

            var phase = Build(compilation);
            var registrations = phase.InvocationReach.Registrations.Select(r => r.Key).ToList();

            var inHandler = Assert.Single(registrations);
            Assert.Equal(HookHost.Constructor, phase.Models.HookHostFor(inHandler));
        }
    }
}
