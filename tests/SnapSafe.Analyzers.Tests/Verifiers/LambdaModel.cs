namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The programming model a test compiles its source as: which Amazon.Lambda.* packages the test project
    /// references (as stand-in metadata references, see <see cref="StandInReferences"/>) and what kind of assembly it
    /// builds.
    /// </summary>
    public enum LambdaModel
    {
        /// <summary>A class library handler: Amazon.Lambda.Core and Amazon.Lambda.Serialization.SystemTextJson.</summary>
        ClassLibrary,

        /// <summary>
        /// An executable assembly (top-level statements or <c>Main</c>): Amazon.Lambda.Core,
        /// Amazon.Lambda.RuntimeSupport and Amazon.Lambda.Serialization.SystemTextJson; console application output.
        /// </summary>
        Executable,

        /// <summary>
        /// An ASP.NET Core minimal API: the Microsoft.AspNetCore.App reference assemblies and
        /// Amazon.Lambda.AspNetCoreServer.Hosting with its Amazon.Lambda dependencies; console application output.
        /// </summary>
        MinimalApi,

        /// <summary>
        /// Lambda Annotations: Amazon.Lambda.Core, Amazon.Lambda.Serialization.SystemTextJson, Amazon.Lambda.Annotations
        /// and the Microsoft.Extensions.* reference assemblies (dependency injection, configuration, logging).
        /// </summary>
        Annotations,

        /// <summary>
        /// A class library handler built against the netstandard2.0 asset of Amazon.Lambda.Core, which has no
        /// <c>Amazon.Lambda.Core.SnapshotRestore</c> (and no default logging members), with the serializer package.
        /// </summary>
        CoreWithoutSnapshotRestore,

        /// <summary>Plain net8.0: no Amazon.Lambda package at all.</summary>
        NoLambda,
    }
}
