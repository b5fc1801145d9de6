namespace Amazon.Lambda.Annotations
{
    /// <summary>The deployment package type of the Lambda function.</summary>
    public enum LambdaPackageType
    {
        /// <summary>A .zip file archive.</summary>
        Zip = 0,

        /// <summary>A container image.</summary>
        Image = 1,
    }
}
