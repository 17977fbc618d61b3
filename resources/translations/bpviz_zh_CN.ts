<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>See and learn backpropagation: step one pass of the classic 2-2-2 sigmoid network by hand, every number on a live diagram.</source>
        <translation>看见并学会反向传播：亲手一步步走完经典 2-2-2 sigmoid 网络的一次传播，每个数都显示在实时更新的网络图上。</translation>
    </message>
    <message>
        <source>Built on NumPy, PySide6 (Qt) and pyqtgraph.</source>
        <translation>基于 NumPy、PySide6 (Qt) 和 pyqtgraph 构建。</translation>
    </message>
    <message>
        <source>Read the lessons (README)</source>
        <translation>阅读课程（README）</translation>
    </message>
</context>
<context>
    <name>ApplesForm</name>
    <message>
        <source>Price of one apple</source>
        <translation>一个苹果的价格</translation>
    </message>
    <message>
        <source>Apples bought</source>
        <translation>买的苹果个数</translation>
    </message>
    <message>
        <source>The tax factor: 1.1 adds 10 %</source>
        <translation>税率系数：1.1 表示加 10 %</translation>
    </message>
    <message>
        <source>Apple: price</source>
        <translation>苹果：价格</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Tax factor</source>
        <translation>税率系数</translation>
    </message>
    <message>
        <source>(1.1 = 10 % tax)</source>
        <translation>（1.1 = 10 % 的税）</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>a whole number of about {digits} digits</source>
        <translation>一个约 {digits} 位的整数</translation>
    </message>
    <message>
        <source>an object of {n:,} item</source>
        <translation>一个含 {n:,} 项的对象</translation>
    </message>
    <message>
        <source>an object of {n:,} items</source>
        <translation>一个含 {n:,} 项的对象</translation>
    </message>
    <message>
        <source>a list of {n:,} item</source>
        <translation>一个含 {n:,} 项的列表</translation>
    </message>
    <message>
        <source>a list of {n:,} items</source>
        <translation>一个含 {n:,} 项的列表</translation>
    </message>
    <message>
        <source> and {more:,} more</source>
        <translation>，另有 {more:,} 个</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {low} to {high}, got {value}</source>
        <translation>{what}必须是 {low} 到 {high} 之间的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>{what} must be a finite number, got {value}</source>
        <translation>{what}必须是有限的数，实际为 {value}</translation>
    </message>
    <message>
        <source>{what} is too large for a float64, got {value}</source>
        <translation>{what}太大，超出了 float64 的范围，实际为 {value}</translation>
    </message>
    <message>
        <source>{what} must be between {low:g} and {high:g}, got {value}</source>
        <translation>{what}必须在 {low:g} 到 {high:g} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>{what} must be &gt; {low:g}, got {value}</source>
        <translation>{what}必须 &gt; {low:g}，实际为 {value}</translation>
    </message>
    <message>
        <source>{what} must be &gt;= {low:g}, got {value}</source>
        <translation>{what}必须 &gt;= {low:g}，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown {what} {value} (choose from {choices})</source>
        <translation>未知的{what} {value}（可选：{choices}）</translation>
    </message>
</context>
<context>
    <name>DataDrawing</name>
    <message>
        <source>Your file&apos;s points, rescaled into the view: {mapping}</source>
        <translation>你的文件中的点，已缩放到视图中：{mapping}</translation>
    </message>
    <message>
        <source>Drawing: click to add points, right-click to remove, Shift+drag to brush</source>
        <translation>绘制中：单击添加点，右键删除，Shift+拖动刷出一片点</translation>
    </message>
    <message>
        <source>A drawn set holds at most {most} points: remove some first</source>
        <translation>绘制的数据集最多有 {most} 个点：请先删除一些</translation>
    </message>
    <message>
        <source>No point near here to remove</source>
        <translation>这里附近没有可删除的点</translation>
    </message>
    <message>
        <source>Every point removed: draw new ones (Ctrl+D), or choose a data set</source>
        <translation>所有点都已删除：绘制新的点（Ctrl+D），或选择一个数据集</translation>
    </message>
    <message>
        <source>Drawing works on sets of up to {most} points: lower the number of points first</source>
        <translation>只能在最多 {most} 个点的数据集上绘制：请先减少点数</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Cannot import {source}: {problem}</source>
        <translation>无法导入 {source}：{problem}</translation>
    </message>
    <message>
        <source>it is UTF-16 text; save it as UTF-8</source>
        <translation>它是 UTF-16 文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <source>line {line} is not UTF-8 text (byte {byte:#04x} cannot be read); save the file as UTF-8</source>
        <translation>第 {line} 行不是 UTF-8 文本（无法读取字节 {byte:#04x}）；请把文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>it is not a text file (line {line} holds a NUL character)</source>
        <translation>它不是文本文件（第 {line} 行含有 NUL 字符）</translation>
    </message>
    <message>
        <source>line {line} holds point {point:,}; a file may hold at most {most:,} points</source>
        <translation>第 {line} 行是第 {point:,} 个点；一个文件最多只能有 {most:,} 个点</translation>
    </message>
    <message>
        <source>the file holds no points (only a header)</source>
        <translation>文件中没有点（只有表头）</translation>
    </message>
    <message>
        <source>the file holds no points (only comments)</source>
        <translation>文件中没有点（只有注释）</translation>
    </message>
    <message>
        <source>the file holds no points</source>
        <translation>文件中没有点</translation>
    </message>
    <message>
        <source>line {line} cannot be read as CSV ({error})</source>
        <translation>第 {line} 行无法按 CSV 读取（{error}）</translation>
    </message>
    <message>
        <source>line {line} opens a quotation mark that is never closed</source>
        <translation>第 {line} 行的引号始终没有闭合</translation>
    </message>
    <message>
        <source>line {line} (the header) has {n} column, expected 3 ({expected})</source>
        <translation>第 {line} 行（表头）有 {n} 列，应为 3 列（{expected}）</translation>
    </message>
    <message>
        <source>line {line} (the header) has {n} columns, expected 3 ({expected})</source>
        <translation>第 {line} 行（表头）有 {n} 列，应为 3 列（{expected}）</translation>
    </message>
    <message>
        <source>line {line} has {n} column, expected 3 ({expected}), separated by commas, semicolons or tabs</source>
        <translation>第 {line} 行有 {n} 列，应为 3 列（{expected}），用逗号、分号或制表符分隔</translation>
    </message>
    <message>
        <source>line {line} has {n} columns, expected 3 ({expected})</source>
        <translation>第 {line} 行有 {n} 列，应为 3 列（{expected}）</translation>
    </message>
    <message>
        <source>line {line} has {n} columns, {extra} more than the 3 expected ({expected}); decimal commas are not read: write 1.5, not 1,5</source>
        <translation>第 {line} 行有 {n} 列，比应有的 3 列（{expected}）多 {extra} 列；不能读取小数逗号：请写 1.5，而不是 1,5</translation>
    </message>
    <message>
        <source>line {line} has {n} columns, {extra} more than the 3 expected ({expected})</source>
        <translation>第 {line} 行有 {n} 列，比应有的 3 列（{expected}）多 {extra} 列</translation>
    </message>
    <message>
        <source>line {line} has no {what}</source>
        <translation>第 {line} 行缺少 {what}</translation>
    </message>
    <message>
        <source>line {line} has {what} {text} with a decimal comma; decimal commas are not read: write {fixed}</source>
        <translation>第 {line} 行的 {what} {text} 用了小数逗号；不能读取小数逗号：请写 {fixed}</translation>
    </message>
    <message>
        <source>line {line} has the text {text} where its {what} (a number) belongs</source>
        <translation>第 {line} 行在 {what}（一个数）的位置上写的是文本 {text}</translation>
    </message>
    <message>
        <source>coordinate</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>line {line} has {what} {text}; every {kind} must be a finite number</source>
        <translation>第 {line} 行的 {what} 是 {text}；每个{kind}都必须是有限的数</translation>
    </message>
    <message>
        <source>line {line} has {what} {text}, beyond the range of float64 numbers (about ±1.8e308)</source>
        <translation>第 {line} 行的 {what} 是 {text}，超出了 float64 数的范围（约 ±1.8e308）</translation>
    </message>
    <message>
        <source>line {line} has no label</source>
        <translation>第 {line} 行缺少标签</translation>
    </message>
    <message>
        <source>line {name_line} has the class name {name} but line {line} has the number {number}: a label column holds either class numbers or class names</source>
        <translation>第 {name_line} 行是类别名称 {name}，而第 {line} 行是数 {number}：标签列要么全是类别编号，要么全是类别名称</translation>
    </message>
    <message>
        <source>line {name_line} has the class name {name} but line {line} has the number {number}: a third column holds either class numbers or class names</source>
        <translation>第 {name_line} 行是类别名称 {name}，而第 {line} 行是数 {number}：第三列要么全是类别编号，要么全是类别名称</translation>
    </message>
    <message>
        <source>every point (line {first}) is of class {name}; a data set needs points of at least {least} classes</source>
        <translation>所有的点（第 {first} 行）都属于类别 {name}；数据集至少需要 {least} 个类别的点</translation>
    </message>
    <message>
        <source>every point (lines {first} to {last}) is of class {name}; a data set needs points of at least {least} classes</source>
        <translation>所有的点（第 {first} 到 {last} 行）都属于类别 {name}；数据集至少需要 {least} 个类别的点</translation>
    </message>
    <message>
        <source>line {line} has the label {label}, which is not a class</source>
        <translation>第 {line} 行的标签 {label} 不是类别</translation>
    </message>
    <message>
        <source>line {line} has the label {label}, neither a class number (0, 1, 2, …) nor a class name; for numbers to predict, call the third column value</source>
        <translation>第 {line} 行的标签 {label} 既不是类别编号（0、1、2……）也不是类别名称；若要预测数值，请把第三列命名为 value</translation>
    </message>
    <message>
        <source>line {line} has the label {label}, a negative number: classes are numbered 0, 1, 2, …</source>
        <translation>第 {line} 行的标签 {label} 是负数：类别编号为 0、1、2……</translation>
    </message>
    <message>
        <source>line {line} has class {label}, but a data set has at most {most} classes (0 to {last})</source>
        <translation>第 {line} 行是类别 {label}，但数据集最多有 {most} 个类别（0 到 {last}）</translation>
    </message>
    <message>
        <source>line {line} has the class name {name}, longer than {most} characters</source>
        <translation>第 {line} 行的类别名称 {name} 超过了 {most} 个字符</translation>
    </message>
    <message>
        <source>line {line} has a {nth}th class, {name}; a data set has at most {most} classes ({names})</source>
        <translation>第 {line} 行出现了第 {nth} 个类别 {name}；数据集最多有 {most} 个类别（{names}）</translation>
    </message>
    <message>
        <source>line {line}&apos;s list of classes is not a JSON list of names</source>
        <translation>第 {line} 行的类别列表不是由名称组成的 JSON 列表</translation>
    </message>
    <message>
        <source>line {line} has the label {label}, which is not one of the classes listed on line {listed} ({names})</source>
        <translation>第 {line} 行的标签 {label} 不在第 {listed} 行列出的类别（{names}）之中</translation>
    </message>
    <message>
        <source>{axis} from {low:.4g} to {high:.4g}</source>
        <translation>{axis} 从 {low:.4g} 到 {high:.4g}</translation>
    </message>
    <message>
        <source>the coordinates ({ranges}, lines {first} to {last}) are too large to be rescaled into the view</source>
        <translation>坐标（{ranges}，第 {first} 到 {last} 行）太大，无法缩放到视图中</translation>
    </message>
    <message>
        <source>x1, x2 and a label or value</source>
        <translation>x1、x2 和一个 label 或 value</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <source>CSV tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Train the playground on points from a CSV file: x1,x2,label (a class number or name) or x1,x2,value</source>
        <translation>用 CSV 文件中的点训练演练场：x1,x2,label（类别编号或名称）或 x1,x2,value</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Write the playground&apos;s points (train and test) to a CSV file</source>
        <translation>把演练场的点（训练集和测试集）写入 CSV 文件</translation>
    </message>
    <message>
        <source>Export as &amp;Python script…</source>
        <translation>导出为 Python 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>Write this network, its data, starting weights and training loop as a standalone NumPy script that prints the same losses as bpviz</source>
        <translation>把这个网络、它的数据、初始权重和训练循环写成一个独立的 NumPy 脚本，它打印的损失与 bpviz 相同</translation>
    </message>
    <message>
        <source>Cannot import the data</source>
        <translation>无法导入数据</translation>
    </message>
    <message>
        <source>{n} points of {k} classes</source>
        <translation>{n} 个点，{k} 个类别</translation>
    </message>
    <message>
        <source>{n} points with values</source>
        <translation>{n} 个带数值的点</translation>
    </message>
    <message>
        <source>Imported {counts} from {path}</source>
        <translation>已从 {path} 导入 {counts}</translation>
    </message>
    <message>
        <source>{status}; {rescaling}</source>
        <translation>{status}；{rescaling}</translation>
    </message>
    <message>
        <source>Cannot export the data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <source>There are no points to export: draw or import some first.</source>
        <translation>没有可导出的点：请先绘制或导入一些点。</translation>
    </message>
    <message>
        <source>{n} points written to {path}</source>
        <translation>已将 {n} 个点写入 {path}</translation>
    </message>
    <message>
        <source>Cannot export the script</source>
        <translation>无法导出脚本</translation>
    </message>
    <message>
        <source>The playground has no network yet.</source>
        <translation>演练场还没有网络。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Script written to {path}: python {name} trains this network for {epochs} epochs from its starting weights</source>
        <translation>脚本已写入 {path}：python {name} 从初始权重开始把这个网络训练 {epochs} 个轮次</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Export as Python script</source>
        <translation>导出为 Python 脚本</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>月牙</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>Multi Gauss</source>
        <translation>多高斯</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>月牙</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>multi_gaussian</source>
        <translation>多高斯</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>你自己的数据</translation>
    </message>
</context>
<context>
    <name>DatasetChooser</name>
    <message>
        <source>Classification: a class per point</source>
        <translation>分类：每个点一个类别</translation>
    </message>
    <message>
        <source>Each point belongs to one of two classes (spiral and Gaussian: up to six, see Classes); the network learns the probability of each</source>
        <translation>每个点属于两个类别之一（螺旋和高斯最多六类，见“类别数”）；网络学习每个类别的概率</translation>
    </message>
    <message>
        <source>Regression: a value</source>
        <translation>回归：一个数值</translation>
    </message>
    <message>
        <source>Each point carries a number from −1 (orange) to +1 (blue); the network learns to predict it</source>
        <translation>每个点带有一个从 −1（橙）到 +1（蓝）的数；网络学习预测它</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>自己的</translation>
    </message>
    <message>
        <source>Points of your own, of 2 to 6 classes or with values</source>
        <translation>你自己的点：2 到 6 个类别，或带数值</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>我的数据</translation>
    </message>
</context>
<context>
    <name>DatasetSpec</name>
    <message>
        <source>name must be a dataset name (choose from {choices}), got {value}</source>
        <translation>名称必须是一个数据集的名称（可选：{choices}），实际为 {value}</translation>
    </message>
    <message>
        <source>a custom data set needs its points</source>
        <translation>自定义数据集需要给出它的点</translation>
    </message>
    <message>
        <source>unknown dataset {value} (choose from {choices})</source>
        <translation>未知的数据集 {value}（可选：{choices}）</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>the points must be a PointSet, got {value}</source>
        <translation>点必须是一个 PointSet，实际为 {value}</translation>
    </message>
    <message>
        <source>a data set given point by point is called {custom}, not {name}</source>
        <translation>逐点给出的数据集名为 {custom}，而不是 {name}</translation>
    </message>
    <message>
        <source>only {sets} come in more than two classes, not {name}</source>
        <translation>只有{sets}可以有两个以上的类别，{name}不行</translation>
    </message>
    <message>
        <source>a dataset spec must be a JSON object with keys {keys}, got {kind}</source>
        <translation>数据集描述必须是一个含有键 {keys} 的 JSON 对象，实际为 {kind}</translation>
    </message>
    <message>
        <source>unknown dataset spec field(s) {names} (allowed: {allowed})</source>
        <translation>数据集描述中有未知的字段 {names}（允许的字段：{allowed}）</translation>
    </message>
    <message>
        <source>only {sets} come in more than two classes</source>
        <translation>只有{sets}可以有两个以上的类别</translation>
    </message>
</context>
<context>
    <name>DecisionKey</name>
    <message>
        <source>Filled dots with a rim of the background&apos;s colour: training points; dots with a rim of the text&apos;s colour: test points.
Background: the network&apos;s P(blue) at each place, orange &lt; 0.5 &lt; blue.</source>
        <translation>实心点、边框为背景色：训练集的点；边框为文字颜色的点：测试集的点。
背景：网络在每个位置给出的 P(blue)，橙 &lt; 0.5 &lt; 蓝。</translation>
    </message>
    <message>
        <source>Filled dots with a rim of the background&apos;s colour: training points; dots with a rim of the text&apos;s colour: test points. A dot&apos;s colour is
its target value, −1 orange … 0 grey … +1 blue. Background: the network&apos;s output at each place on
the same scale (values beyond ±1 show as ±1).</source>
        <translation>实心点、边框为背景色：训练集的点；边框为文字颜色的点：测试集的点。点的颜色是
它的目标值，−1 橙 … 0 灰 … +1 蓝。背景：网络在每个位置的输出，
用同一色阶表示（超出 ±1 的值显示为 ±1）。</translation>
    </message>
    <message>
        <source>Filled dots with a rim of the background&apos;s colour: training points; dots with a rim of the text&apos;s colour: test points; a dot&apos;s colour is its class.
Background: the class the network finds most probable at each place, paler where it is less sure
(the background&apos;s colour: all {k} classes equally likely; the full colour: certain).
Classes: {names}</source>
        <translation>实心点、边框为背景色：训练集的点；边框为文字颜色的点：测试集的点；点的颜色是它的类别。
背景：网络在每个位置认为概率最大的类别，越不确定颜色越浅
（背景色：{k} 个类别可能性相同；纯色：完全确定）。
类别：{names}</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>DecisionPlot</name>
    <message>
        <source>Two flat colours: the class the network predicts (P(blue) &gt; 0.5) at each place</source>
        <translation>两种纯色：网络在每个位置预测的类别（P(blue) &gt; 0.5）</translation>
    </message>
    <message>
        <source>Two flat colours: the sign of the network&apos;s output at each place (blue &gt; 0, orange ≤ 0)</source>
        <translation>两种纯色：网络在每个位置输出的正负号（蓝 &gt; 0，橙 ≤ 0）</translation>
    </message>
    <message>
        <source>Flat colours: the class the network finds most probable at each place</source>
        <translation>纯色：网络在每个位置认为概率最大的类别</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试集</translation>
    </message>
    <message>
        <source>Draw the held-out test points (dark rim) over the region</source>
        <translation>在决策区域上画出留出的测试集的点（深色边）</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
</context>
<context>
    <name>DiagramKeys</name>
    <message>
        <source>Keyboard: Tab into the diagram, then the arrow keys move the dashed cursor: Right follows an edge forward to the neuron it feeds, Left goes back, Up and Down move within a column (neurons of a layer, or edges in the order w1, w2, …, then the biases); Home and End go to the first input and the last output. Enter or F2 edits the weight or bias under the cursor, Esc cancels. While the diagram has the focus, the arrow keys, Home and End do not step the pass; Tab leaves the diagram.</source>
        <translation>键盘：按 Tab 进入网络图，然后用方向键移动虚线光标：→ 沿连线向前走到它连接的神经元，← 返回，↑ 和 ↓ 在同一列中移动（一层的神经元，或按 w1、w2、… 再到偏置的顺序排列的连线）；Home 和 End 跳到第一个输入和最后一个输出。Enter 或 F2 编辑光标处的权重或偏置，Esc 取消。网络图获得焦点时，方向键、Home 和 End 不会逐步计算；按 Tab 离开网络图。</translation>
    </message>
    <message>
        <source>weight {name}, {value}</source>
        <translation>权重 {name}，{value}</translation>
    </message>
    <message>
        <source>bias {name}, {value}</source>
        <translation>偏置 {name}，{value}</translation>
    </message>
    <message>
        <source>gradient {value}</source>
        <translation>梯度 {value}</translation>
    </message>
    <message>
        <source>new value {value}</source>
        <translation>新值 {value}</translation>
    </message>
    <message>
        <source>from {source} to {target}</source>
        <translation>从 {source} 到 {target}</translation>
    </message>
    <message>
        <source>to {neurons}</source>
        <translation>到 {neurons}</translation>
    </message>
    <message>
        <source>Enter edits</source>
        <translation>按 Enter 编辑</translation>
    </message>
    <message>
        <source>input neuron {name}</source>
        <translation>输入神经元 {name}</translation>
    </message>
    <message>
        <source>output neuron {name}</source>
        <translation>输出神经元 {name}</translation>
    </message>
    <message>
        <source>neuron {name}</source>
        <translation>神经元 {name}</translation>
    </message>
    <message>
        <source>net {value}</source>
        <translation>net {value}</translation>
    </message>
    <message>
        <source>out {value}</source>
        <translation>out {value}</translation>
    </message>
    <message>
        <source>gradient of out {value}</source>
        <translation>out 的梯度 {value}</translation>
    </message>
    <message>
        <source>derivative {value}</source>
        <translation>导数 {value}</translation>
    </message>
    <message>
        <source>delta {value}</source>
        <translation>δ {value}</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>target {value}</source>
        <translation>目标值 {value}</translation>
    </message>
</context>
<context>
    <name>DiagramLegend</name>
    <message>
        <source>width = |w|</source>
        <translation>线宽 = |w|</translation>
    </message>
    <message>
        <source>halo = |∂E/∂w|</source>
        <translation>光晕 = |∂E/∂w|</translation>
    </message>
    <message>
        <source>read by this step</source>
        <translation>本步读取</translation>
    </message>
    <message>
        <source>written by this step</source>
        <translation>本步写入</translation>
    </message>
    <message>
        <source>map = output: + blue, − orange</source>
        <translation>热图 = 输出：+ 蓝，− 橙</translation>
    </message>
</context>
<context>
    <name>DiagramValues</name>
    <message>
        <source>Type a number, e.g. 0.25.</source>
        <translation>请输入一个数，例如 0.25。</translation>
    </message>
    <message>
        <source>{typed} is not a number.</source>
        <translation>{typed} 不是数。</translation>
    </message>
    <message>
        <source>NaN is not allowed: type a finite number.</source>
        <translation>不允许 NaN：请输入一个有限的数。</translation>
    </message>
    <message>
        <source>{typed} is too large: the value must be finite.</source>
        <translation>{typed} 太大：数值必须有限。</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Click: add a point · right-click or Ctrl+click: remove the nearest · Shift+drag: brush a cloud. Training goes on over the new points with the same network. Noise jitters drawn points (by noise × {std} on each axis); the test share holds out points at random, and each keeps its side as you draw.</source>
        <translation>单击：添加一个点 · 右键或 Ctrl+单击：删除最近的点 · Shift+拖动：刷出一片点。训练用同一个网络在新的点上继续。噪声会抖动画出的点（每个轴上抖动 噪声 × {std}）；测试集比例随机留出一些点，每个点在你绘制时保持它所属的一方。</translation>
    </message>
    <message>
        <source>Draw points (Ctrl+D): add and remove points of any class by clicking on the output panel.</source>
        <translation>绘制点（Ctrl+D）：在输出面板上单击，添加或删除任意类别的点。</translation>
    </message>
    <message>
        <source>Draw points</source>
        <translation>绘制点</translation>
    </message>
    <message>
        <source>Draw your own data on the output panel: click to add a point of the chosen class, right-click to remove the nearest one (Ctrl+D)</source>
        <translation>在输出面板上绘制自己的数据：单击添加所选类别的点，右键删除最近的点（Ctrl+D）</translation>
    </message>
    <message>
        <source>The value new points carry, −1 (orange) … +1 (blue)</source>
        <translation>新点带有的数值，−1（橙）… +1（蓝）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every point and start from an empty set (the network stays)</source>
        <translation>删除所有点，从空的数据集开始（网络保留）</translation>
    </message>
    <message>
        <source>The file&apos;s points did not fit the view&apos;s square: each axis was mapped onto −1 … 1. Export data… writes the points back in the file&apos;s own coordinates</source>
        <translation>文件中的点超出了视图的正方形：每个轴都被映射到 −1 … 1。“导出数据…”会按文件原来的坐标写回这些点</translation>
    </message>
    <message>
        <source>New points are of class {name} (key {key})</source>
        <translation>新点属于类别 {name}（按键 {key}）</translation>
    </message>
    <message>
        <source>New points are of class {name}</source>
        <translation>新点属于类别 {name}</translation>
    </message>
    <message>
        <source>Value {value}</source>
        <translation>数值 {value}</translation>
    </message>
</context>
<context>
    <name>ExampleControls</name>
    <message>
        <source> × same</source>
        <translation> × 同上</translation>
    </message>
    <message>
        <source>Grid points along each axis (odd: the current point is one of them)</source>
        <translation>每条轴上的网格点数（奇数：当前点就是其中之一）</translation>
    </message>
    <message>
        <source>The parameter along the map&apos;s x axis</source>
        <translation>地图横轴上的参数</translation>
    </message>
    <message>
        <source>The parameter along the map&apos;s y axis (a different one)</source>
        <translation>地图纵轴上的参数（须与横轴不同）</translation>
    </message>
    <message>
        <source>Each axis runs over the parameter&apos;s current value ± this</source>
        <translation>每条轴覆盖参数当前值 ± 这个范围</translation>
    </message>
    <message>
        <source>x axis:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>y axis:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
</context>
<context>
    <name>ExamplePage</name>
    <message>
        <source>Starting numbers and many passes</source>
        <translation>初始数值与多次传播</translation>
    </message>
    <message>
        <source>Starting numbers</source>
        <translation>初始数值</translation>
    </message>
    <message>
        <source>Run many passes</source>
        <translation>多次传播</translation>
    </message>
    <message>
        <source>Apply update, next pass</source>
        <translation>应用更新，下一次传播</translation>
    </message>
    <message>
        <source>Start a new pass from the updated weights w⁺ (Ctrl+N)</source>
        <translation>从更新后的权重 w⁺ 开始新一次传播（Ctrl+N）</translation>
    </message>
    <message>
        <source>Reset to published values</source>
        <translation>恢复为原文数值</translation>
    </message>
    <message>
        <source>Back to the published starting numbers (w1 = 0.15 ... η = 0.5)</source>
        <translation>恢复原文中的初始数值（w1 = 0.15 … η = 0.5）</translation>
    </message>
    <message>
        <source>Starting numbers panel</source>
        <translation>初始数值面板</translation>
    </message>
    <message>
        <source>Step panel</source>
        <translation>步骤面板</translation>
    </message>
    <message>
        <source>The run of {passes} passes was cancelled: the starting numbers changed while it ran. Run again to train from the new numbers.</source>
        <translation>{passes} 次传播的运行已取消：运行期间初始数值改变了。请重新运行，从新的数值开始训练。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>已拒绝：{reason}</translation>
    </message>
    <message>
        <source>Biases b1 and b2 are updated too</source>
        <translation>偏置 b1 和 b2 也会更新</translation>
    </message>
    <message>
        <source>Biases stay fixed (as published)</source>
        <translation>偏置保持不变（与原文相同）</translation>
    </message>
    <message>
        <source>Starting numbers reset to the published example</source>
        <translation>初始数值已恢复为原文示例</translation>
    </message>
    <message>
        <source>New pass from the updated weights: E_total will be {value}</source>
        <translation>从更新后的权重开始新一次传播：E_total 将为 {value}</translation>
    </message>
    <message>
        <source>Running {passes} passes in the background…</source>
        <translation>正在后台运行 {passes} 次传播…</translation>
    </message>
    <message>
        <source>The run of {passes} passes was cancelled.</source>
        <translation>{passes} 次传播的运行已取消。</translation>
    </message>
    <message>
        <source>The run was dropped: the starting numbers changed while it ran.</source>
        <translation>运行结果已丢弃：运行期间初始数值改变了。</translation>
    </message>
    <message>
        <source>Ran {passes} passes: E_total = {value}</source>
        <translation>已运行 {passes} 次传播：E_total = {value}</translation>
    </message>
    <message>
        <source>The run failed: {reason}</source>
        <translation>运行失败：{reason}</translation>
    </message>
    <message>
        <source>Starting numbers set to the weights reached by the last run</source>
        <translation>初始数值已设为上次运行得到的权重</translation>
    </message>
    <message>
        <source>E_total: not computed yet</source>
        <translation>E_total：尚未计算</translation>
    </message>
    <message>
        <source>Worked-example diagram</source>
        <translation>示例网络图</translation>
    </message>
    <message>
        <source>Worked-example step (diagram and formula)</source>
        <translation>示例的当前步骤（网络图和公式）</translation>
    </message>
    <message>
        <source>Worked-example trace (CSV)</source>
        <translation>示例的计算过程（CSV）</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Worked-example trace (Markdown)</source>
        <translation>示例的计算过程（Markdown）</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>ExampleParams</name>
    <message>
        <source>lr (the learning rate) must be &gt; 0, got {lr:g}</source>
        <translation>lr（学习率）必须 &gt; 0，实际为 {lr:g}</translation>
    </message>
    <message>
        <source>expected a JSON object of parameters such as {example}</source>
        <translation>需要一个由参数组成的 JSON 对象，例如 {example}</translation>
    </message>
    <message>
        <source>unknown parameter(s) {names} (allowed: {allowed})</source>
        <translation>未知的参数 {names}（允许的参数：{allowed}）</translation>
    </message>
    <message>
        <source>iterations must be at least 1, got {iterations}</source>
        <translation>迭代次数至少为 1，实际为 {iterations}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>choose a .png or .svg file name</source>
        <translation>请选择 .png 或 .svg 文件名</translation>
    </message>
    <message>
        <source>size must be (width, height), two whole numbers of pixels &gt;= 1, got {size!r}</source>
        <translation>尺寸必须是（宽, 高），两个 &gt;= 1 的整数像素，得到的是 {size!r}</translation>
    </message>
    <message>
        <source>{width:,} x {height:,} pixels is too large a picture (at most {side:,} pixels a side and {millions} million in all)</source>
        <translation>{width:,} x {height:,} 像素的图片太大（每边最多 {side:,} 像素，总共最多 {millions} 百万像素）</translation>
    </message>
    <message>
        <source>Qt could not encode the picture as PNG</source>
        <translation>Qt 无法把图片编码为 PNG</translation>
    </message>
    <message>
        <source>the plot is not shown in any view: nothing to export</source>
        <translation>这个图没有显示在任何视图中：没有可导出的内容</translation>
    </message>
</context>
<context>
    <name>Expression</name>
    <message>
        <source>too many statements (at most {most})</source>
        <translation>语句太多（最多 {most} 条）</translation>
    </message>
    <message>
        <source>this &apos;)&apos; has no &apos;(&apos; to close</source>
        <translation>这个 &apos;)&apos; 没有可以闭合的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>unexpected &apos;=&apos;: only a name can be given a value (name = expression)</source>
        <translation>这里不能有 &apos;=&apos;：只有名称才能被赋值（名称 = 表达式）</translation>
    </message>
    <message>
        <source>unexpected {found} after a complete expression (an operator is missing)</source>
        <translation>完整的表达式后面出现了 {found}（缺少运算符）</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>表达式是空的</translation>
    </message>
    <message>
        <source>an expression that is not the last statement is never used: give it a name (y = ...)</source>
        <translation>不是最后一条语句的表达式永远不会被用到：给它起个名称（y = ...）</translation>
    </message>
    <message>
        <source>{name}.backward() must be the last statement: it marks the output</source>
        <translation>{name}.backward() 必须是最后一条语句：它标出输出</translation>
    </message>
    <message>
        <source>{name} is a function, not a name that can have a value</source>
        <translation>{name} 是函数，不是可以赋值的名称</translation>
    </message>
    <message>
        <source>{name} {op} needs an expression after it</source>
        <translation>{name} {op} 后面需要一个表达式</translation>
    </message>
    <message>
        <source>backward() is a statement of its own, on a name: g.backward()</source>
        <translation>backward() 是单独的一条语句，作用在一个名称上：g.backward()</translation>
    </message>
    <message>
        <source>{method} needs brackets: .{method}()</source>
        <translation>{method} 需要括号：.{method}()</translation>
    </message>
    <message>
        <source>.{method}() takes nothing between its brackets</source>
        <translation>.{method}() 的括号里不能有内容</translation>
    </message>
    <message>
        <source>{number} is too large for a float64</source>
        <translation>{number} 太大，超出了 float64 的范围</translation>
    </message>
    <message>
        <source>unknown function {name}() (known: {known})</source>
        <translation>未知的函数 {name}()（已知的函数：{known}）</translation>
    </message>
    <message>
        <source>{name} needs brackets: {name}(x)</source>
        <translation>{name} 需要括号：{name}(x)</translation>
    </message>
    <message>
        <source>the expression ends too early: a number, a name or &apos;(&apos; is missing</source>
        <translation>表达式结束得太早：缺少一个数、一个名称或 &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected a number, a name or &apos;(&apos; but found {found}</source>
        <translation>这里应为一个数、一个名称或 &apos;(&apos;，却遇到了 {found}</translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed</source>
        <translation>这个 &apos;(&apos; 没有闭合</translation>
    </message>
    <message>
        <source>empty brackets</source>
        <translation>括号里是空的</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; but found {found}</source>
        <translation>这里应为 &apos;)&apos;，却遇到了 {found}</translation>
    </message>
    <message>
        <source>nested too deeply (more than {most} levels of brackets, functions, signs and powers)</source>
        <translation>嵌套太深（括号、函数、正负号和乘方超过 {most} 层）</translation>
    </message>
    <message>
        <source>the expression must be text</source>
        <translation>表达式必须是文本</translation>
    </message>
    <message>
        <source>the expression is too long ({n} characters; at most {most})</source>
        <translation>表达式太长（{n} 个字符；最多 {most} 个）</translation>
    </message>
    <message>
        <source>the values are too long ({n} characters; at most {most})</source>
        <translation>取值太长（{n} 个字符；最多 {most} 个）</translation>
    </message>
    <message>
        <source>{item!r} needs a value: write name=number, e.g. x=2</source>
        <translation>{item!r} 缺少值：写成 名称=数，例如 x=2</translation>
    </message>
    <message>
        <source>{name!r} is not a name (letters, digits and _, not starting with a digit)</source>
        <translation>{name!r} 不是名称（名称由字母、数字和 _ 组成，不能以数字开头）</translation>
    </message>
    <message>
        <source>{name} is given two values</source>
        <translation>{name} 被赋了两个值</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空的</translation>
    </message>
    <message>
        <source>the value of {name} must be a number such as 2, -0.5 or 1e-3, not {shown}</source>
        <translation>{name} 的值必须是数（例如 2、-0.5 或 1e-3），这里却是 {shown}</translation>
    </message>
    <message>
        <source>the value of {name} is too large for a float64</source>
        <translation>{name} 的值太大，超出了 float64 的范围</translation>
    </message>
    <message>
        <source>{name} has no value (give it one, e.g. {name}=1, or assign it in an earlier statement)</source>
        <translation>{name} 没有值（给它一个值，例如 {name}=1，或者在前面的语句中为它赋值）</translation>
    </message>
    <message>
        <source>{name} has no value (give it one, e.g. {name}=1)</source>
        <translation>{name} 没有值（给它一个值，例如 {name}=1）</translation>
    </message>
    <message>
        <source>the graph has too many nodes (at most {most}); this is node {n}</source>
        <translation>计算图的节点太多（最多 {most} 个）；这是第 {n} 个节点</translation>
    </message>
    <message>
        <source>the value of {name} is not a number: {value!r}</source>
        <translation>{name} 的值不是数：{value!r}</translation>
    </message>
    <message>
        <source>the value of {name} must be a finite number, got {value}</source>
        <translation>{name} 的值必须是有限的数，这里却是 {value}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {message}</source>
        <translation>第 {line} 行第 {column} 列：{message}</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>column {column}: {message}</source>
        <translation>第 {column} 列：{message}</translation>
    </message>
    <message>
        <source>a new line</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>&apos;;&apos; inside brackets: a bracket opened before it is never closed</source>
        <translation>括号里出现了 &apos;;&apos;：它前面打开的括号没有闭合</translation>
    </message>
    <message>
        <source>&apos;==&apos; compares, which expressions do not: write name = expression to give a name a value</source>
        <translation>&apos;==&apos; 表示比较，而表达式不做比较：要给名称赋值，写 名称 = 表达式</translation>
    </message>
    <message>
        <source>a number cannot run into {char!r}: write a * between them</source>
        <translation>数后面不能紧接着 {char!r}：在它们之间写一个 *</translation>
    </message>
    <message>
        <source>unexpected &apos;.&apos; after a number: write (2).tanh() or tanh(2)</source>
        <translation>数后面不能有 &apos;.&apos;：写成 (2).tanh() 或 tanh(2)</translation>
    </message>
    <message>
        <source>unexpected character {char!r}: names use the letters a-z, digits and _</source>
        <translation>不能用的字符 {char!r}：名称只能用字母 a-z、数字和 _</translation>
    </message>
    <message>
        <source>names starting with &apos;__&apos; are not allowed ({name})</source>
        <translation>不允许以 &apos;__&apos; 开头的名称（{name}）</translation>
    </message>
    <message>
        <source>unexpected &apos;.&apos;: attributes are not part of expressions (only {methods}); decimals are written 0.5</source>
        <translation>这里不能有 &apos;.&apos;：表达式中没有属性（只有 {methods}）；小数写成 0.5</translation>
    </message>
    <message>
        <source>&apos;^&apos; is not a power here (as in Python): write x**2</source>
        <translation>&apos;^&apos; 在这里不是乘方（和 Python 一样）：写成 x**2</translation>
    </message>
    <message>
        <source>unexpected character {char!r}: only numbers, names, functions such as tanh(x), + - * / ** ( ) = and ; are allowed</source>
        <translation>不能用的字符 {char!r}：只允许数、名称、tanh(x) 这样的函数，以及 + - * / ** ( ) = 和 ;</translation>
    </message>
</context>
<context>
    <name>ExpressionForm</name>
    <message>
        <source>x is used twice: its two gradients add up</source>
        <translation>x 用了两次：它的两个梯度相加</translation>
    </message>
    <message>
        <source>one leaf, two edges into the same node</source>
        <translation>一个叶节点，两条边进入同一个节点</translation>
    </message>
    <message>
        <source>the sigmoid in one line</source>
        <translation>一行写出 sigmoid</translation>
    </message>
    <message>
        <source>the shopping bill, numbers only</source>
        <translation>购物账单，只有数字</translation>
    </message>
    <message>
        <source>log-sum-exp: its gradient is the softmax</source>
        <translation>log-sum-exp：它的梯度就是 softmax</translation>
    </message>
    <message>
        <source>a squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>e.g. (x + y) * exp(x), or a program: c = a + b; d = c**2</source>
        <translation>例如 (x + y) * exp(x)，或一段程序：c = a + b; d = c**2</translation>
    </message>
    <message>
        <source>An expression, or a program of statements name = expression (one a line, Shift+Enter for a new line, or separated by ;). Numbers, names, + − * / **, brackets, exp log tanh relu sigmoid sqrt abs, and x.tanh() as micrograd writes it. Enter draws it.</source>
        <translation>一个表达式，或由“名称 = 表达式”语句组成的程序（每行一条，Shift+Enter 换行，或用 ; 分隔）。可用数字、名称、+ − * / **、括号、exp log tanh relu sigmoid sqrt abs，以及 micrograd 写法的 x.tanh()。按 Enter 绘制。</translation>
    </message>
    <message>
        <source>Values of the names</source>
        <translation>各名称的取值</translation>
    </message>
    <message>
        <source>e.g. x=2, y=-1</source>
        <translation>例如 x=2, y=-1</translation>
    </message>
    <message>
        <source>A value for every name: name=number, separated by commas. Enter draws it.</source>
        <translation>每个名称的值：名称=数字，用逗号分隔。按 Enter 绘制。</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Draw the expression&apos;s graph (Enter in either field)</source>
        <translation>绘制表达式的计算图（在任一输入框中按 Enter）</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Expression: {n} nodes are too many to draw readably (at most {most}); `bpviz graph --expr` or `--file` takes bigger ones</source>
        <translation>表达式：{n} 个节点太多，无法清楚地绘制（最多 {most} 个）；更大的可以用 `bpviz graph --expr` 或 `--file`</translation>
    </message>
    <message>
        <source>Expression: {n} operations one after the other are too many to draw readably (at most {most}); `bpviz graph --expr` takes longer ones</source>
        <translation>表达式：{n} 个依次相连的运算太多，无法清楚地绘制（最多 {most} 个）；更长的可以用 `bpviz graph --expr`</translation>
    </message>
    <message>
        <source>Not used in the expression: {names}</source>
        <translation>表达式中没有用到：{names}</translation>
    </message>
    <message>
        <source>{field}: {error}</source>
        <translation>{field}：{error}</translation>
    </message>
</context>
<context>
    <name>FastPlotWidget</name>
    <message>
        <source>Plot</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>Feature</name>
    <message>
        <source>the horizontal coordinate</source>
        <translation>横坐标</translation>
    </message>
    <message>
        <source>the vertical coordinate</source>
        <translation>纵坐标</translation>
    </message>
    <message>
        <source>x₁ squared: with x₂² a single neuron can draw a circle</source>
        <translation>x₁ 的平方：与 x₂² 一起，单个神经元就能画出圆</translation>
    </message>
    <message>
        <source>x₂ squared</source>
        <translation>x₂ 的平方</translation>
    </message>
    <message>
        <source>the product x₁·x₂: positive in two opposite quadrants (xor)</source>
        <translation>乘积 x₁·x₂：在两个相对的象限为正（异或）</translation>
    </message>
    <message>
        <source>sin(π·x₁): waves along x₁</source>
        <translation>sin(π·x₁)：沿 x₁ 的波</translation>
    </message>
    <message>
        <source>sin(π·x₂): waves along x₂</source>
        <translation>sin(π·x₂)：沿 x₂ 的波</translation>
    </message>
</context>
<context>
    <name>FeatureChooser</name>
    <message>
        <source>Refused: {label} is the only input left and the network needs at least one. Choose another input first.</source>
        <translation>已拒绝：{label} 是仅剩的输入，网络至少需要一个输入。请先选择另一个输入。</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>at least one input feature is needed</source>
        <translation>至少需要一个输入特征</translation>
    </message>
    <message>
        <source>unknown feature(s) {names} (choose from {choices})</source>
        <translation>未知的特征 {names}（可选：{choices}）</translation>
    </message>
    <message>
        <source>each feature may be used once, got {names}</source>
        <translation>每个特征只能使用一次，实际为 {names}</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>bpviz sessions (*.bpviz);;All files (*)</source>
        <translation>bpviz 会话 (*.bpviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session (.bpviz)</source>
        <translation>打开已保存的会话（.bpviz）</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the playground and the worked example to the current session file</source>
        <translation>把演练场和示例保存到当前会话文件</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session to a new file</source>
        <translation>把会话保存到新文件</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Session saved to {path}</source>
        <translation>会话已保存到 {path}</translation>
    </message>
    <message>
        <source>Opening {path} ({size} MB)…</source>
        <translation>正在打开 {path}（{size} MB）…</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Session opened from {path}</source>
        <translation>已从 {path} 打开会话</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>(no sessions yet)</source>
        <translation>（还没有会话）</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>Export {view}…</source>
        <translation>导出{view}…</translation>
    </message>
    <message>
        <source>Exporting {path}…</source>
        <translation>正在导出 {path}…</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>it is not a text file</source>
        <translation>它不是文本文件</translation>
    </message>
    <message>
        <source>not a valid file name</source>
        <translation>不是有效的文件名</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>超出了磁盘配额</translation>
    </message>
    <message>
        <source>the file is too large for this file system</source>
        <translation>文件对这个文件系统来说太大</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>the name is not valid here</source>
        <translation>这个名称在这里无效</translation>
    </message>
    <message>
        <source>the path has too many symbolic links</source>
        <translation>路径中的符号链接太多</translation>
    </message>
    <message>
        <source>the device reported an input/output error</source>
        <translation>设备报告了输入/输出错误</translation>
    </message>
    <message>
        <source>Cannot open {path}: {problem}</source>
        <translation>无法打开 {path}：{problem}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>not a file name</source>
        <translation>不是文件名</translation>
    </message>
    <message>
        <source>Cannot open the file: its name is empty</source>
        <translation>无法打开文件：文件名为空</translation>
    </message>
    <message>
        <source>Cannot write the file: its name is empty</source>
        <translation>无法写入文件：文件名为空</translation>
    </message>
    <message>
        <source>a file name cannot hold a NUL character</source>
        <translation>文件名不能含有 NUL 字符</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>什么也没有写入</translation>
    </message>
    <message>
        <source>files cannot be created in this folder</source>
        <translation>不能在这个文件夹中创建文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>the file is too large ({size:,} bytes; at most {limit:,})</source>
        <translation>文件太大（{size:,} 字节；最多 {limit:,}）</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file is too large (more than {limit:,} bytes)</source>
        <translation>文件太大（超过 {limit:,} 字节）</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (an unreadable byte at position {position:,})</source>
        <translation>它不是 UTF-8 文本（位置 {position:,} 处有无法读取的字节）</translation>
    </message>
    <message>
        <source>it holds {name}, which is not a number a bpviz file may hold</source>
        <translation>它含有 {name}，这不是 bpviz 文件中允许的数</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>它的嵌套太深</translation>
    </message>
    <message>
        <source>the file is incomplete (it ends too early)</source>
        <translation>文件不完整（结束得太早）</translation>
    </message>
    <message>
        <source>the file is damaged (not valid JSON at line {line}, column {column})</source>
        <translation>文件已损坏（第 {line} 行第 {column} 列不是有效的 JSON）</translation>
    </message>
    <message>
        <source>it holds a number with too many digits</source>
        <translation>它含有一个位数太多的数</translation>
    </message>
    <message>
        <source>Cannot write {path}: not enough memory</source>
        <translation>无法写入 {path}：内存不足</translation>
    </message>
</context>
<context>
    <name>GradCheck</name>
    <message>
        <source>Worked example (2-2-2)</source>
        <translation>计算示例（2-2-2）</translation>
    </message>
    <message>
        <source>Playground network (current)</source>
        <translation>演练场的网络（当前）</translation>
    </message>
    <message>
        <source>Backprop gives every ∂E/∂p in one backward pass. The numerical derivative needs no backward at all: nudge one parameter p by ±h and ±2h (h = 0.001), evaluate the loss each time, and take&lt;br&gt;&amp;nbsp;&amp;nbsp;∂E/∂p ≈ [E(p−2h) − 8E(p−h)&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;+ 8E(p+h) − E(p+2h)] / 12h&lt;br&gt;It is slow (four forward passes per parameter) but hard to get wrong, so it checks the backward (seed 004). Relative error = |backprop − numerical| / max(|backprop|, |numerical|).</source>
        <translation>反向传播一次就求出所有的 ∂E/∂p。数值导数完全不需要反向传播：把一个参数 p 分别挪动 ±h 和 ±2h（h = 0.001），每次算一遍损失，再取&lt;br&gt;&amp;nbsp;&amp;nbsp;∂E/∂p ≈ [E(p−2h) − 8E(p−h)&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;+ 8E(p+h) − E(p+2h)] / 12h&lt;br&gt;它很慢（每个参数要四次前向传播），但很难算错，所以用它来检验反向传播（第 004 篇）。相对误差 = |反向传播 − 数值导数| / max(|反向传播|, |数值导数|)。</translation>
    </message>
    <message>
        <source>Hidden deltas forget f′(net)</source>
        <translation>隐藏层的 δ 漏掉了 f′(net)</translation>
    </message>
    <message>
        <source>The hidden deltas leave out the activation&apos;s derivative: δ = δ_next·Wᵀ instead of (δ_next·Wᵀ) ⊙ f′(net).</source>
        <translation>隐藏层的 δ 漏掉了激活函数的导数：算成 δ = δ′·Wᵀ，而不是 (δ′·Wᵀ) ⊙ f′(net)（δ′ 是后一层的 δ）。</translation>
    </message>
    <message>
        <source>The output layer&apos;s weights and biases still pass: their delta comes straight from the loss and never goes through a hidden f′(net).</source>
        <translation>输出层的权重和偏置仍能通过检验：它们的 δ 直接来自损失，不经过隐藏层的 f′(net)。</translation>
    </message>
    <message>
        <source>With linear hidden neurons f′(net) = 1 (and with no hidden layer there is no hidden delta), so leaving it out changes nothing.</source>
        <translation>隐藏层神经元是线性的时候 f′(net) = 1（没有隐藏层时也就没有隐藏层的 δ），所以漏掉它不会改变任何东西。</translation>
    </message>
    <message>
        <source>dW uses the net input, not the output</source>
        <translation>dW 用了净输入，而不是输出</translation>
    </message>
    <message>
        <source>The weight gradient dW = aᵀ·δ is formed with the layer below&apos;s net input in place of its output a, as if the forward pass had cached the array before the activation.</source>
        <translation>权重梯度 dW = aᵀ·δ 用下一层（靠输入一侧）的净输入代替了它的输出 a，就好像前向传播缓存的是激活函数之前的数组。</translation>
    </message>
    <message>
        <source>The first layer&apos;s weights still pass (their input is x itself), and so does every bias (its input is the constant 1).</source>
        <translation>第一层的权重仍能通过检验（它们的输入就是 x 本身），每个偏置也一样（它的输入是常数 1）。</translation>
    </message>
    <message>
        <source>With linear hidden neurons the net input is the output (and with no hidden layer every input is x), so nothing changes.</source>
        <translation>隐藏层神经元是线性的时候，净输入就是输出（没有隐藏层时每层的输入都是 x），所以什么也不会改变。</translation>
    </message>
    <message>
        <source>Bias gradient forgets the batch sum</source>
        <translation>偏置梯度忘了对批次求和</translation>
    </message>
    <message>
        <source>The bias gradient uses only the first sample&apos;s δ instead of summing δ over the batch.</source>
        <translation>偏置梯度只用了第一个样本的 δ，而没有把整个批次的 δ 加起来。</translation>
    </message>
    <message>
        <source>Every weight still passes: the fault only touches the biases.</source>
        <translation>所有权重仍能通过检验：这个错误只影响偏置。</translation>
    </message>
    <message>
        <source>With a single point the sum over the batch is that point&apos;s δ, so nothing changes: a gradient check on one point cannot catch this bug. Check several points.</source>
        <translation>只有一个点时，对批次求和的结果就是这个点的 δ，所以什么也不会改变：只用一个点做梯度检验发现不了这个错误。请检验多个点。</translation>
    </message>
    <message>
        <source>below {agree}: agrees</source>
        <translation>低于 {agree}：一致</translation>
    </message>
    <message>
        <source>{agree} to {disagree}: doubtful</source>
        <translation>{agree} 到 {disagree}：可疑</translation>
    </message>
    <message>
        <source>{disagree} and above: wrong</source>
        <translation>{disagree} 及以上：错误</translation>
    </message>
    <message>
        <source>not comparable: a ReLU kink, or within rounding</source>
        <translation>无法比较：ReLU 的折点，或在舍入误差之内</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>1e-7: agree below</source>
        <translation>1e-7：低于此线为一致</translation>
    </message>
    <message>
        <source>1e-4: wrong above</source>
        <translation>1e-4：高于此线为错误</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Numerical</source>
        <translation>数值导数</translation>
    </message>
    <message>
        <source>|Difference|</source>
        <translation>|差值|</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>DISAGREES</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>kink</source>
        <translation>折点</translation>
    </message>
    <message>
        <source>within rounding</source>
        <translation>在舍入误差内</translation>
    </message>
    <message>
        <source>A kink: a ReLU input (or, with L1, this weight) crosses 0 within ±2h of the current value, so the loss bends there and no finite difference can match the derivative. Not counted.</source>
        <translation>折点：某个 ReLU 的输入（或在 L1 正则化下，这个权重本身）在当前值 ±2h 的范围内越过 0，损失在那里弯折，任何有限差分都无法与导数吻合。不计入。</translation>
    </message>
    <message>
        <source>Within rounding: the relative error {r:.1e} looks large only because the gradient is tiny: the difference {difference:.1e} is below the rounding error of the finite difference itself ({noise:.1e}), so it cannot be measured. Counts as agreement.</source>
        <translation>在舍入误差内：相对误差 {r:.1e} 看起来大，只是因为梯度极小：差值 {difference:.1e} 低于有限差分本身的舍入误差（{noise:.1e}），无法测量。算作一致。</translation>
    </message>
    <message>
        <source>Relative error {r:.1e} &lt; {agree}: backprop and the numerical derivative agree.</source>
        <translation>相对误差 {r:.1e} &lt; {agree}：反向传播与数值导数一致。</translation>
    </message>
    <message>
        <source>Relative error {r:.1e}, between {agree} and {disagree}: doubtful. A correct backward stays below {agree} here; look for a term that is slightly off.</source>
        <translation>相对误差 {r:.1e}，介于 {agree} 和 {disagree} 之间：可疑。正确的反向传播在这里会低于 {agree}；请找找哪一项略有偏差。</translation>
    </message>
    <message>
        <source>Relative error {r:.2g} ≥ {disagree}: backprop and the numerical derivative disagree: this gradient is wrong.</source>
        <translation>相对误差 {r:.2g} ≥ {disagree}：反向传播与数值导数不一致：这个梯度是错的。</translation>
    </message>
    <message>
        <source>{n} checked parameters</source>
        <translation>受检的 {n} 个参数</translation>
    </message>
    <message>
        <source>{n} parameters</source>
        <translation>这 {n} 个参数</translation>
    </message>
    <message>
        <source>1 parameter</source>
        <translation>这 1 个参数</translation>
    </message>
    <message>
        <source> ({kinks} at kinks and {noise} within rounding: not judged)</source>
        <translation>（{kinks} 个在折点处，{noise} 个在舍入误差内：不作判断）</translation>
    </message>
    <message>
        <source> ({kinks} at kinks: not judged)</source>
        <translation>（{kinks} 个在折点处：不作判断）</translation>
    </message>
    <message>
        <source> ({noise} within rounding: not judged)</source>
        <translation>（{noise} 个在舍入误差内：不作判断）</translation>
    </message>
    <message>
        <source>{red} of {what} disagrees: largest {largest} at {worst}</source>
        <translation>{what}中有 {red} 个不一致：最大为 {largest}，出现在 {worst}</translation>
    </message>
    <message>
        <source>{red} of {what} disagree: largest {largest} at {worst}</source>
        <translation>{what}中有 {red} 个不一致：最大为 {largest}，出现在 {worst}</translation>
    </message>
    <message>
        <source>; {amber} more doubtful</source>
        <translation>；另有 {amber} 个可疑</translation>
    </message>
    <message>
        <source>No parameter clearly disagrees, but {amber} of {what} is doubtful: largest relative error {largest} at {worst}</source>
        <translation>没有参数明显不一致，但{what}中有 {amber} 个可疑：最大相对误差 {largest}，出现在 {worst}</translation>
    </message>
    <message>
        <source>No parameter clearly disagrees, but {amber} of {what} are doubtful: largest relative error {largest} at {worst}</source>
        <translation>没有参数明显不一致，但{what}中有 {amber} 个可疑：最大相对误差 {largest}，出现在 {worst}</translation>
    </message>
    <message>
        <source>The parameter agrees</source>
        <translation>这个参数一致</translation>
    </message>
    <message>
        <source>All {what} agree</source>
        <translation>{what}全部一致</translation>
    </message>
    <message>
        <source>The parameter agrees: largest relative error {largest}</source>
        <translation>这个参数一致：最大相对误差 {largest}</translation>
    </message>
    <message>
        <source>All {what} agree: largest relative error {largest}</source>
        <translation>{what}全部一致：最大相对误差 {largest}</translation>
    </message>
    <message>
        <source> (a random sample of the network&apos;s {total:,})</source>
        <translation>（从网络的 {total:,} 个参数中随机抽取）</translation>
    </message>
    <message>
        <source>all of {full}; some of {part}</source>
        <translation>{full} 的全部参数；{part} 的部分参数</translation>
    </message>
    <message>
        <source>all of {full}</source>
        <translation>{full} 的全部参数</translation>
    </message>
    <message>
        <source>some of {part}</source>
        <translation>{part} 的部分参数</translation>
    </message>
    <message>
        <source>&lt;b&gt;Broken backward:&lt;/b&gt; {title}. {why}</source>
        <translation>&lt;b&gt;有错误的反向传播：&lt;/b&gt;{title}。{why}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Broken backward:&lt;/b&gt; {title}. It changes {changed:,} of the network&apos;s {total:,} gradients ({which}).</source>
        <translation>&lt;b&gt;有错误的反向传播：&lt;/b&gt;{title}。它改变了网络 {total:,} 个梯度中的 {changed:,} 个（{which}）。</translation>
    </message>
    <message>
        <source> Untouched (backprop&apos;s own): {untouched}.</source>
        <translation>未受影响（仍是反向传播自己算出的）：{untouched}。</translation>
    </message>
    <message>
        <source>The parameter&apos;s name (w1, w2, ... layer by layer as in the worked example; b: biases). Sorts in network order.</source>
        <translation>参数的名称（w1、w2……按层编号，与计算示例相同；b：偏置）。按网络中的顺序排序。</translation>
    </message>
    <message>
        <source>Where the parameter sits: the neuron it reads → the neuron it feeds.</source>
        <translation>参数所在的位置：它读取的神经元 → 它输入的神经元。</translation>
    </message>
    <message>
        <source>∂E/∂p as the backward pass computes it (the broken backward&apos;s when that is on).</source>
        <translation>反向传播算出的 ∂E/∂p（打开“有错误的反向传播”时，是它算出的值）。</translation>
    </message>
    <message>
        <source>∂E/∂p by fourth-order central differences: [E(p−2h) − 8E(p−h) + 8E(p+h) − E(p+2h)] / 12h, h = 0.001. No backward pass involved.</source>
        <translation>用四阶中心差分求出的 ∂E/∂p：[E(p−2h) − 8E(p−h) + 8E(p+h) − E(p+2h)] / 12h，h = 0.001。不用反向传播。</translation>
    </message>
    <message>
        <source>|backprop − numerical|</source>
        <translation>|反向传播 − 数值导数|</translation>
    </message>
    <message>
        <source>|backprop − numerical| / max(|backprop|, |numerical|): green below 1e-7, amber below 1e-4, red above. Sorted by the error that counts: kinks and differences within rounding count as agreement.</source>
        <translation>|反向传播 − 数值导数| / max(|反向传播|, |数值导数|)：低于 1e-7 为绿色，低于 1e-4 为琥珀色，更高为红色。按计入的误差排序：折点和舍入误差之内的差值都算作一致。</translation>
    </message>
    <message>
        <source>The verdict: agrees, doubtful, DISAGREES, or (grey) not comparable: a kink, or a difference within the rounding error of the finite difference.</source>
        <translation>结论：一致、可疑、不一致，或（灰色）无法比较：折点，或差值在有限差分本身的舍入误差之内。</translation>
    </message>
    <message>
        <source>½·squared error</source>
        <translation>½·平方误差</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>{sizes} network (no hidden layer), {output} output, {loss}</source>
        <translation>{sizes} 网络（无隐藏层），输出层 {output}，{loss}</translation>
    </message>
    <message>
        <source>{sizes} network, {hidden} hidden, {output} output, {loss}</source>
        <translation>{sizes} 网络，隐藏层 {hidden}，输出层 {output}，{loss}</translation>
    </message>
    <message>
        <source>, {penalty} {rate:g}</source>
        <translation>，{penalty} {rate:g}</translation>
    </message>
    <message>
        <source>The worked example with the published starting numbers: {architecture}, one shared bias per layer; one point (i1 = {i1:g}, i2 = {i2:g}; targets {t1:g}, {t2:g}).</source>
        <translation>计算示例，使用原文中的初始数值：{architecture}，每层一个共用的偏置；一个点（i1 = {i1:g}，i2 = {i2:g}；目标值 {t1:g}、{t2:g}）。</translation>
    </message>
    <message>
        <source>The worked example with your starting numbers: {architecture}, one shared bias per layer; one point (i1 = {i1:g}, i2 = {i2:g}; targets {t1:g}, {t2:g}).</source>
        <translation>计算示例，使用你的初始数值：{architecture}，每层一个共用的偏置；一个点（i1 = {i1:g}，i2 = {i2:g}；目标值 {t1:g}、{t2:g}）。</translation>
    </message>
    <message>
        <source>the playground has no training points to check the gradients on: draw some first</source>
        <translation>演练场没有可用来检验梯度的训练点：请先画一些点</translation>
    </message>
    <message>
        <source>The playground&apos;s network before training: {architecture}; the first {k} of its {available} training points ({dataset}).</source>
        <translation>训练前的演练场网络：{architecture}；使用它 {available} 个训练点中的前 {k} 个（{dataset}）。</translation>
    </message>
    <message>
        <source>The playground&apos;s network at step {step:,} (epoch {epoch:,}): {architecture}; the first {k} of its {available} training points ({dataset}).</source>
        <translation>第 {step:,} 步（第 {epoch:,} 轮）时的演练场网络：{architecture}；使用它 {available} 个训练点中的前 {k} 个（{dataset}）。</translation>
    </message>
    <message>
        <source>The training set has only {available} points: all of them are used.</source>
        <translation>训练集只有 {available} 个点：全部都用上了。</translation>
    </message>
    <message>
        <source>bias → {neurons}</source>
        <translation>偏置 → {neurons}</translation>
    </message>
</context>
<context>
    <name>GradCheckModel</name>
    <message>
        <source>{name} ({connection}): {explanation}</source>
        <translation>{name}（{connection}）：{explanation}</translation>
    </message>
    <message>
        <source>The broken backward changed this gradient.</source>
        <translation>有错误的反向传播改变了这个梯度。</translation>
    </message>
    <message>
        <source>The fault does not touch this gradient: it is backprop&apos;s own.</source>
        <translation>这个错误没有影响这个梯度：它是反向传播自己算出的。</translation>
    </message>
</context>
<context>
    <name>GradCheckPage</name>
    <message>
        <source>Press Check (F5) to compare backprop with the numerical derivative.</source>
        <translation>按“检验”（F5），把反向传播与数值导数作比较。</translation>
    </message>
    <message>
        <source>Which network to check: the worked example&apos;s published numbers, or the training playground&apos;s network as it is now</source>
        <translation>检验哪个网络：计算示例中公布的数值，或训练演练场当前的网络</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个点</translation>
    </message>
    <message>
        <source>The batch: the first k training points of the playground&apos;s data set. The worked example always has its one point.</source>
        <translation>批次：演练场数据集中的前 k 个训练点。计算示例始终只有它的一个点。</translation>
    </message>
    <message>
        <source>Check gradients  (F5)</source>
        <translation>检验梯度  (F5)</translation>
    </message>
    <message>
        <source>Compare backprop with the numerical derivative for every parameter (F5)</source>
        <translation>对每个参数，把反向传播与数值导数作比较 (F5)</translation>
    </message>
    <message>
        <source>Checking: {done:,} of {total:,} parameters</source>
        <translation>正在检验：{done:,} / {total:,} 个参数</translation>
    </message>
    <message>
        <source>Stop the check; the table keeps the last finished one</source>
        <translation>停止检验；表格保留上一次完成的检验</translation>
    </message>
    <message>
        <source>Use a broken backward</source>
        <translation>使用有错误的反向传播</translation>
    </message>
    <message>
        <source>For the lesson: replace backprop&apos;s gradients by those of a backward pass with one term left out, and watch the check catch it (Ctrl+B)</source>
        <translation>教学用：把反向传播的梯度换成漏掉一项的反向传播算出的梯度，看梯度检验如何发现错误 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Which term the broken backward leaves out</source>
        <translation>有错误的反向传播漏掉了哪一项</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>检验什么</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <source>Broken backward (for the lesson)</source>
        <translation>有错误的反向传播（教学用）</translation>
    </message>
    <message>
        <source>How the check works</source>
        <translation>梯度检验的原理</translation>
    </message>
    <message>
        <source>&lt;b&gt;Relative error per parameter&lt;/b&gt;, in network order (log scale; each layer&apos;s parameters side by side)</source>
        <translation>&lt;b&gt;每个参数的相对误差&lt;/b&gt;，按网络中的顺序（对数刻度；同一层的参数排在一起）</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>检验梯度</translation>
    </message>
    <message>
        <source>Compare backprop with the numerical derivative (F5)</source>
        <translation>把反向传播与数值导数作比较 (F5)</translation>
    </message>
    <message>
        <source>Broken backward on/off</source>
        <translation>打开/关闭有错误的反向传播</translation>
    </message>
    <message>
        <source>Gradient check: relative errors</source>
        <translation>梯度检验：相对误差</translation>
    </message>
    <message>
        <source>Gradient check: table</source>
        <translation>梯度检验：表格</translation>
    </message>
    <message>
        <source>The playground&apos;s network has changed since this check</source>
        <translation>自这次检验以来，演练场的网络已经改变</translation>
    </message>
    <message>
        <source>The playground has trained on: step {now:,} now, step {then:,} in this check</source>
        <translation>演练场仍在训练：现在是第 {now:,} 步，这次检验时是第 {then:,} 步</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;{text}. Press &lt;b&gt;Check&lt;/b&gt; (F5) for the latest network.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;{text}。按&lt;b&gt;检验&lt;/b&gt;（F5）检验最新的网络。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Cannot check: {error}.</source>
        <translation>无法检验：{error}。</translation>
    </message>
    <message>
        <source>Cannot check: {error}</source>
        <translation>无法检验：{error}</translation>
    </message>
    <message>
        <source>Checking {checked:,} of the network&apos;s {n:,} parameters…</source>
        <translation>正在检验网络 {n:,} 个参数中的 {checked:,} 个……</translation>
    </message>
    <message>
        <source>Gradient check cancelled: the table shows the last finished check</source>
        <translation>梯度检验已取消：表格显示上一次完成的检验</translation>
    </message>
    <message>
        <source>{description} {note}</source>
        <translation>{description}{note}</translation>
    </message>
    <message>
        <source>Gradient check: {n} parameters in {ms:.0f} ms</source>
        <translation>梯度检验：{n} 个参数，用时 {ms:.0f} 毫秒</translation>
    </message>
    <message>
        <source>The gradient check failed: {message}</source>
        <translation>梯度检验失败：{message}</translation>
    </message>
    <message>
        <source>The training playground has not made a network yet (it does as soon as its page has started). &lt;a href=&apos;example&apos;&gt;Check the worked example instead&lt;/a&gt;.</source>
        <translation>训练演练场还没有建立网络（它的页面一启动就会建立）。&lt;a href=&apos;example&apos;&gt;改为检验计算示例&lt;/a&gt;。</translation>
    </message>
</context>
<context>
    <name>GradCheckTable</name>
    <message>
        <source>Backprop and numerical gradients, one row per parameter</source>
        <translation>反向传播梯度与数值导数，每个参数一行</translation>
    </message>
</context>
<context>
    <name>GradientChainDialog</name>
    <message>
        <source>Quantity</source>
        <translation>量</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>With numbers</source>
        <translation>代入数值</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Why {name} has its value</source>
        <translation>为什么 {name} 是这个值</translation>
    </message>
    <message>
        <source>The chain rule, back from the loss: the gradient of {param} is the δ of the neuron it feeds times the value it carries; each δ is ∂E/∂out times the activation&apos;s slope ∂out/∂net, and a hidden neuron&apos;s ∂E/∂out gathers the δ of every neuron it feeds, each times its weight. These are the steps of this pass it is made of; double-click one to show it on the diagram.</source>
        <translation>链式法则，从损失往回算：{param} 的梯度等于它所连接的神经元的 δ 乘以它传递的值；每个 δ 等于 ∂E/∂out 乘以激活函数的斜率 ∂out/∂net，而隐藏层神经元的 ∂E/∂out 汇集它所连接的每个神经元的 δ，各乘以对应的权重。下面是这次传播中构成它的各步；双击一步即可在网络图上显示。</translation>
    </message>
    <message>
        <source>Show this step</source>
        <translation>显示这一步</translation>
    </message>
    <message>
        <source>Make the selected step the stepper&apos;s current step</source>
        <translation>把选中的一步设为步进器的当前步</translation>
    </message>
</context>
<context>
    <name>GraphDescription</name>
    <message>
        <source>(400·1 + 300·2)·0.7: a jacket and two trousers, 30 % off (seed 002)</source>
        <translation>(400·1 + 300·2)·0.7：一件夹克和两条裤子，全部减 30 %（第 002 篇）</translation>
    </message>
    <message>
        <source>100·2·1.1: two apples at 100, tax 1.1 (Saito&apos;s first graph, ch. 5)</source>
        <translation>100·2·1.1：两个单价 100 的苹果，税率系数 1.1（斋藤康毅书中的第一个计算图，第 5 章）</translation>
    </message>
    <message>
        <source>y = 1/(1 + exp(−x)) as ×(−1), exp, +1, 1/x; backward gives y(1 − y) (seed 004)</source>
        <translation>y = 1/(1 + exp(−x)) 拆成 ×(−1)、exp、+1、1/x；反向传播得到 y(1 − y)（第 004 篇）</translation>
    </message>
    <message>
        <source>L = −Σ t·log(softmax(a)); backward gives y − t (seed 004)</source>
        <translation>L = −Σ t·log(softmax(a))；反向传播得到 y − t（第 004 篇）</translation>
    </message>
    <message>
        <source>o = tanh(x1·w1 + x2·w2 + b) = 0.7071: the neuron of micrograd&apos;s lecture</source>
        <translation>o = tanh(x1·w1 + x2·w2 + b) = 0.7071：micrograd 课程中的神经元</translation>
    </message>
    <message>
        <source>micrograd&apos;s test_sanity_check: z, q, h, y with relu; y = −20, ∂y/∂x = 46</source>
        <translation>micrograd 的 test_sanity_check：用到 relu 的 z、q、h、y；y = −20，∂y/∂x = 46</translation>
    </message>
    <message>
        <source>micrograd&apos;s test_more_ops (and README): +=, **, relu, /; g = 24.7041</source>
        <translation>micrograd 的 test_more_ops（也见于 README）：+=、**、relu、/；g = 24.7041</translation>
    </message>
</context>
<context>
    <name>GraphError</name>
    <message>
        <source>node {node}: {numbers} has no real value</source>
        <translation>节点 {node}：{numbers} 没有实数值</translation>
    </message>
    <message>
        <source>node {node}: {numbers} overflows (too large for a float64)</source>
        <translation>节点 {node}：{numbers} 溢出（太大，超出了 float64 的范围）</translation>
    </message>
    <message>
        <source>node {node}: the gradient it sends to {source}, {upstream} · {local}, is too large for a float64 (overflow)</source>
        <translation>节点 {node}：它传给 {source} 的梯度 {upstream} · {local} 太大，超出了 float64 的范围（溢出）</translation>
    </message>
    <message>
        <source>node {node}: its gradient summed over the edges leaving it, {before} + {sent}, is too large for a float64 (overflow)</source>
        <translation>节点 {node}：它的各条出边传回的梯度之和 {before} + {sent} 太大，超出了 float64 的范围（溢出）</translation>
    </message>
    <message>
        <source>node {node}: {reason}</source>
        <translation>节点 {node}：{reason}</translation>
    </message>
    <message>
        <source>node {node}: its local derivative has no real value</source>
        <translation>节点 {node}：它的局部导数没有实数值</translation>
    </message>
    <message>
        <source>node {node}: the local derivative {shown} is too large for a float64 (overflow)</source>
        <translation>节点 {node}：局部导数 {shown} 太大，超出了 float64 的范围（溢出）</translation>
    </message>
    <message>
        <source>{name}: expected a number, got {value!r}</source>
        <translation>{name}：应为数，这里却是 {value!r}</translation>
    </message>
    <message>
        <source>{name}: expected a finite number, got {value}</source>
        <translation>{name}：应为有限的数，这里却是 {value}</translation>
    </message>
    <message>
        <source>the {graph} graph has no input called {name} (its inputs: {inputs})</source>
        <translation>计算图 {graph} 没有名为 {name} 的输入（它的输入：{inputs}）</translation>
    </message>
    <message>
        <source>softmax_loss takes 2 to {most} scores, got {n}</source>
        <translation>softmax_loss 需要 2 到 {most} 个得分，这里有 {n} 个</translation>
    </message>
    <message>
        <source>{n} scores need {n} targets, got {got}</source>
        <translation>{n} 个得分需要 {n} 个目标值，这里有 {got} 个</translation>
    </message>
    <message>
        <source>target t{k} must be a finite number, got {t}</source>
        <translation>目标值 t{k} 必须是有限的数，这里却是 {t}</translation>
    </message>
    <message>
        <source>target t{k} = {t} is negative: targets are probabilities</source>
        <translation>目标值 t{k} = {t} 是负数：目标值是概率</translation>
    </message>
    <message>
        <source>the targets add up to {sum}, not 1: use one-hot targets such as 0, 0, 1</source>
        <translation>目标值之和是 {sum}，不是 1：请用独热编码的目标值，例如 0, 0, 1</translation>
    </message>
    <message>
        <source>no built-in graph called {name!r} (known: {known})</source>
        <translation>没有名为 {name!r} 的内置计算图（已有：{known}）</translation>
    </message>
    <message>
        <source>sqrt is not differentiable at {x} = {value}: its derivative 1/(2·√{x}) is infinite</source>
        <translation>sqrt 在 {x} = {value} 处不可导：它的导数 1/(2·√{x}) 是无穷大</translation>
    </message>
    <message>
        <source>{base}^{n} is not differentiable at {base} = 0: its derivative {factor}·{base}^{m} is infinite</source>
        <translation>{base}^{n} 在 {base} = 0 处不可导：它的导数 {factor}·{base}^{m} 是无穷大</translation>
    </message>
    <message>
        <source>the logarithm needs a positive number</source>
        <translation>对数需要正数</translation>
    </message>
    <message>
        <source>node {node}: log({x}) is undefined: {reason}</source>
        <translation>节点 {node}：log({x}) 没有定义：{reason}</translation>
    </message>
    <message>
        <source>{source} underflowed to 0 (its exact value is too small for a float64)</source>
        <translation>{source} 下溢为 0（它的精确值太小，float64 表示不了）</translation>
    </message>
    <message>
        <source>node {node}: division by zero ({what}): {reason}</source>
        <translation>节点 {node}：除以零（{what}）：{reason}</translation>
    </message>
    <message>
        <source>node {node}: division by zero ({what})</source>
        <translation>节点 {node}：除以零（{what}）</translation>
    </message>
    <message>
        <source>node {node}: sqrt({x}) is undefined: the square root needs a number ≥ 0</source>
        <translation>节点 {node}：sqrt({x}) 没有定义：平方根需要 ≥ 0 的数</translation>
    </message>
    <message>
        <source>node {node}: {a}^{n} is undefined: a negative number has no real power {power} (only whole-number powers)</source>
        <translation>节点 {node}：{a}^{n} 没有定义：负数的 {power} 次幂不是实数（负数只能取整数次幂）</translation>
    </message>
    <message>
        <source>a power whose exponent is computed ({exponent}) needs a positive base, as it is exp({exponent}·log({base}))</source>
        <translation>指数由计算得出（{exponent}）的乘方需要正的底数，因为它就是 exp({exponent}·log({base}))</translation>
    </message>
    <message>
        <source>node {node}: {a}^{b} is refused: {reason}</source>
        <translation>节点 {node}：不能计算 {a}^{b}：{reason}</translation>
    </message>
</context>
<context>
    <name>GraphExplanation</name>
    <message>
        <source>not yet</source>
        <translation>尚未算到</translation>
    </message>
    <message>
        <source>∂L/∂a (backward)</source>
        <translation>∂L/∂a（反向传播）</translation>
    </message>
    <message>
        <source>The output {out} is a leaf itself: {d} = 1, and there is nothing to pass back. Try an expression with an operation, such as &lt;tt&gt;x * y&lt;/tt&gt;.</source>
        <translation>输出 {out} 本身就是叶节点：{d} = 1，没有什么可以往回传。试试带运算的表达式，例如 &lt;tt&gt;x * y&lt;/tt&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward pass done:&lt;/b&gt; {out} = {value} &lt;span style=&apos;color:{color}&apos;&gt;(blue numbers above the edges)&lt;/span&gt;.&lt;br&gt;&lt;br&gt;The backward pass starts at the output with {d} = 1 and visits the nodes from right to left. At each node, the chain rule multiplies the gradient arriving from the right (&lt;i&gt;upstream&lt;/i&gt;) by the node&apos;s own &lt;i&gt;local&lt;/i&gt; derivative, and sends the product down each input edge.&lt;br&gt;&lt;br&gt;Press &lt;b&gt;Next&lt;/b&gt; (→) for step 1, node {node}.</source>
        <translation>&lt;b&gt;前向传播完成：&lt;/b&gt;{out} = {value} &lt;span style=&apos;color:{color}&apos;&gt;（边上方的蓝色数字）&lt;/span&gt;。&lt;br&gt;&lt;br&gt;反向传播从输出开始，{d} = 1，从右到左依次访问各节点。在每个节点，链式法则把从右边传来的梯度（&lt;i&gt;上游梯度&lt;/i&gt;）乘以该节点自己的&lt;i&gt;局部导数&lt;/i&gt;，再把乘积沿每条输入边传下去。&lt;br&gt;&lt;br&gt;按&lt;b&gt;下一步&lt;/b&gt;（→）进入第 1 步，节点 {node}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {k} of {n}&lt;/b&gt; · node &lt;b&gt;{node}&lt;/b&gt;: {formula}</source>
        <translation>&lt;b&gt;第 {k} 步，共 {n} 步&lt;/b&gt; · 节点 &lt;b&gt;{node}&lt;/b&gt;：{formula}</translation>
    </message>
    <message>
        <source>{d} = 1 (the output: where the backward pass starts)</source>
        <translation>{d} = 1（输出：反向传播的起点）</translation>
    </message>
    <message>
        <source>{d} = {terms} = {sum} (the sum over the {n} edges leaving {node})</source>
        <translation>{d} = {terms} = {sum}（离开 {node} 的 {n} 条边之和）</translation>
    </message>
    <message>
        <source>{d} = {value} (arrived from the right)</source>
        <translation>{d} = {value}（从右边传来）</translation>
    </message>
    <message>
        <source>Upstream: {upstream}</source>
        <translation>上游梯度：{upstream}</translation>
    </message>
    <message>
        <source>this edge sends</source>
        <translation>这条边传出</translation>
    </message>
    <message>
        <source>local: {local}</source>
        <translation>局部导数：{local}</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完整</translation>
    </message>
    <message>
        <source>so far: {k} more edge to come</source>
        <translation>目前：还有 {k} 条边未到</translation>
    </message>
    <message>
        <source>so far: {k} more edges to come</source>
        <translation>目前：还有 {k} 条边未到</translation>
    </message>
    <message>
        <source>{source} feeds {n} edges, so its gradients add up: {d} = {before} + {sent} = {after} ({state})</source>
        <translation>{source} 连出 {n} 条边，所以它的梯度相加：{d} = {before} + {sent} = {after}（{state}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward pass complete.&lt;/b&gt; The gradients of the inputs: {summary}.</source>
        <translation>&lt;b&gt;反向传播完成。&lt;/b&gt;各输入的梯度：{summary}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check (seed 004):&lt;/b&gt; at x = {x}, y(1 − y) = {y} · (1 − {y}) = &lt;b&gt;{closed}&lt;/b&gt;</source>
        <translation>&lt;b&gt;检验（第 004 篇）：&lt;/b&gt;在 x = {x} 处，y(1 − y) = {y} · (1 − {y}) = &lt;b&gt;{closed}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{d} from the backward pass: {grad} {mark}</source>
        <translation>反向传播得到的 {d}：{grad} {mark}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;The backward pass reaches x at its last step; the gradient there will be this number.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;反向传播在最后一步到达 x；那里的梯度将等于这个数。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check (seed 004): ∂L/∂a = y − t&lt;/b&gt;</source>
        <translation>&lt;b&gt;检验（第 004 篇）：∂L/∂a = y − t&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the gradients say:&lt;/b&gt; one more jacket adds {jacket} to the bill, one more pair of trousers {trousers}; each unit of a jacket&apos;s price adds {jacket_price}, of the trousers&apos; price {trousers_price} (two pairs); raising the factor paid by 0.01 adds {discount}.</source>
        <translation>&lt;b&gt;梯度告诉我们：&lt;/b&gt;多买一件夹克，账单增加 {jacket}；多买一条裤子，增加 {trousers}；夹克价格每增加 1，账单增加 {jacket_price}，裤子价格每增加 1，增加 {trousers_price}（两条）；支付系数提高 0.01，增加 {discount}。</translation>
    </message>
</context>
<context>
    <name>GraphFormula</name>
    <message>
        <source>∂relu({x})/∂{x} = 1 if {x} &gt; 0 else 0</source>
        <translation>∂relu({x})/∂{x} = 1（{x} &gt; 0 时），否则为 0</translation>
    </message>
</context>
<context>
    <name>GraphNote</name>
    <message>
        <source>price of one jacket</source>
        <translation>一件夹克的价格</translation>
    </message>
    <message>
        <source>jackets bought</source>
        <translation>买的夹克件数</translation>
    </message>
    <message>
        <source>price of one pair of trousers</source>
        <translation>一条裤子的价格</translation>
    </message>
    <message>
        <source>pairs of trousers bought</source>
        <translation>买的裤子条数</translation>
    </message>
    <message>
        <source>what the jackets cost</source>
        <translation>夹克的花费</translation>
    </message>
    <message>
        <source>what the trousers cost</source>
        <translation>裤子的花费</translation>
    </message>
    <message>
        <source>before the discount</source>
        <translation>打折前的金额</translation>
    </message>
    <message>
        <source>the factor paid: 30 % off means × 0.7</source>
        <translation>支付系数：减 30 % 即 × 0.7</translation>
    </message>
    <message>
        <source>what is paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>price of one apple</source>
        <translation>一个苹果的价格</translation>
    </message>
    <message>
        <source>apples bought</source>
        <translation>买的苹果个数</translation>
    </message>
    <message>
        <source>what the apples cost</source>
        <translation>苹果的花费</translation>
    </message>
    <message>
        <source>the factor with the tax: 10 % tax means × 1.1</source>
        <translation>含税系数：10 % 的税即 × 1.1</translation>
    </message>
    <message>
        <source>the sigmoid&apos;s input</source>
        <translation>sigmoid 的输入</translation>
    </message>
    <message>
        <source>the sigmoid 1/(1 + exp(−x))</source>
        <translation>sigmoid 函数 1/(1 + exp(−x))</translation>
    </message>
    <message>
        <source>score of class {k}</source>
        <translation>类别 {k} 的得分</translation>
    </message>
    <message>
        <source>the sum of the exponentials</source>
        <translation>各个指数之和</translation>
    </message>
    <message>
        <source>the softmax output for class {k}</source>
        <translation>类别 {k} 的 softmax 输出</translation>
    </message>
    <message>
        <source>target of class {k}</source>
        <translation>类别 {k} 的目标值</translation>
    </message>
    <message>
        <source>the cross-entropy loss −Σ t·log(y)</source>
        <translation>交叉熵损失 −Σ t·log(y)</translation>
    </message>
    <message>
        <source>given in line {line}</source>
        <translation>在第 {line} 行给定</translation>
    </message>
    <message>
        <source>a number in the expression</source>
        <translation>表达式中的一个数</translation>
    </message>
    <message>
        <source>unary minus</source>
        <translation>一元负号</translation>
    </message>
    <message>
        <source>a power with a number exponent</source>
        <translation>指数是数的乘方</translation>
    </message>
    <message>
        <source>a power with a computed exponent: exp(b·log a)</source>
        <translation>指数由计算得出的乘方：exp(b·log a)</translation>
    </message>
</context>
<context>
    <name>GraphPage</name>
    <message>
        <source>Shopping</source>
        <translation>购物</translation>
    </message>
    <message>
        <source>Apples</source>
        <translation>苹果</translation>
    </message>
    <message>
        <source>Softmax with loss</source>
        <translation>Softmax 与损失</translation>
    </message>
    <message>
        <source>Neuron (micrograd)</source>
        <translation>神经元（micrograd）</translation>
    </message>
    <message>
        <source>micrograd sanity check</source>
        <translation>micrograd 健全性检查</translation>
    </message>
    <message>
        <source>micrograd more ops</source>
        <translation>micrograd 更多运算</translation>
    </message>
    <message>
        <source>Your expression</source>
        <translation>你的表达式</translation>
    </message>
    <message>
        <source>Type an expression of numbers and names with + − * / **, brackets and exp, log, tanh, relu, sigmoid, sqrt, abs — or a program, one statement name = expression a line (Shift+Enter) or separated by ;, the last one the output — and a value for each name not given one. A name used twice is one node: its gradients add up; each statement&apos;s nodes are boxed with its name.</source>
        <translation>输入由数字和名称组成的表达式，可用 + − * / **、括号以及 exp、log、tanh、relu、sigmoid、sqrt、abs——或者一段程序，每行一条“名称 = 表达式”语句（Shift+Enter 换行）或用 ; 分隔，最后一条是输出——并为每个没有赋值的名称给出一个值。用了两次的名称是同一个节点：它的梯度相加；每条语句的节点用方框框起来，标上它的名称。</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Previous backward step (Left arrow)</source>
        <translation>反向传播的上一步（左方向键）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next backward step: one more node (Right arrow)</source>
        <translation>反向传播的下一步：再处理一个节点（右方向键）</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <source>Run the whole backward pass (End)</source>
        <translation>运行整个反向传播 (End)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the forward values only (Home)</source>
        <translation>回到只有前向传播数值的状态 (Home)</translation>
    </message>
    <message>
        <source>The graph to take apart</source>
        <translation>要拆解的计算图</translation>
    </message>
    <message>
        <source>Explanation of the step</source>
        <translation>这一步的解释</translation>
    </message>
    <message>
        <source>Steps of the backward pass</source>
        <translation>反向传播的各步</translation>
    </message>
    <message>
        <source>Backward step</source>
        <translation>反向传播步骤</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游梯度</translation>
    </message>
    <message>
        <source>Click a step to jump to it</source>
        <translation>点击一步，跳到该步</translation>
    </message>
    <message>
        <source>&lt;b&gt;Graph&lt;/b&gt;</source>
        <translation>&lt;b&gt;计算图&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Refused: {error}</source>
        <translation>已拒绝：{error}</translation>
    </message>
    <message>
        <source>Click to jump to this step</source>
        <translation>点击跳到这一步</translation>
    </message>
    <message>
        <source>Step {n}: {formula}</source>
        <translation>第 {n} 步：{formula}</translation>
    </message>
</context>
<context>
    <name>GraphTitle</name>
    <message>
        <source>Shopping: one jacket and two trousers, 30 % off</source>
        <translation>购物：一件夹克和两条裤子，减 30 %</translation>
    </message>
    <message>
        <source>Apples: two apples at 100, tax 1.1 (Saito ch. 5)</source>
        <translation>苹果：两个单价 100 的苹果，税率系数 1.1（斋藤康毅，第 5 章）</translation>
    </message>
    <message>
        <source>micrograd&apos;s neuron: o = tanh(x1·w1 + x2·w2 + b)</source>
        <translation>micrograd 的神经元：o = tanh(x1·w1 + x2·w2 + b)</translation>
    </message>
    <message>
        <source>micrograd&apos;s sanity check (test_engine.py)</source>
        <translation>micrograd 的健全性检查（test_engine.py）</translation>
    </message>
    <message>
        <source>micrograd&apos;s more ops (test_engine.py, README)</source>
        <translation>micrograd 的更多运算（test_engine.py、README）</translation>
    </message>
    <message>
        <source>Sigmoid y = 1/(1 + exp(−x))</source>
        <translation>Sigmoid 函数 y = 1/(1 + exp(−x))</translation>
    </message>
    <message>
        <source>Softmax with cross-entropy loss</source>
        <translation>Softmax 与交叉熵损失</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>{d} = 1: the backward pass starts here</source>
        <translation>{d} = 1：反向传播从这里开始</translation>
    </message>
    <message>
        <source>gradient sent from {target} to {source}: ∂{output}/∂{target} · {formula}
= {upstream} · {local} = {sent}</source>
        <translation>从 {target} 传给 {source} 的梯度：∂{output}/∂{target} · {formula}
= {upstream} · {local} = {sent}</translation>
    </message>
    <message>
        <source>({source} feeds {n} edges; its gradient is their sum: {sum})</source>
        <translation>（{source} 连出 {n} 条边；它的梯度是它们之和：{sum}）</translation>
    </message>
    <message>
        <source>forward value of {source} = {value}</source>
        <translation>{source} 的前向传播值 = {value}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;■ above an edge: the value flowing forward&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;■ 边的上方：向前流动的数值&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;■ below: the gradient {d} sent back&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;■ 下方：传回的梯度 {d}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>value = {value}</source>
        <translation>值 = {value}</translation>
    </message>
    <message>
        <source>(backward step {k}; click to jump there)</source>
        <translation>（反向传播第 {k} 步；点击跳到该步）</translation>
    </message>
    <message>
        <source> so far ({k} of {n} edges)</source>
        <translation> 目前（{n} 条边中的 {k} 条）</translation>
    </message>
    <message>
        <source>step {k} of {n}: node {name}, {formula}, value {value}, gradient {grad}</source>
        <translation>第 {k} 步，共 {n} 步：节点 {name}，{formula}，值 {value}，梯度 {grad}</translation>
    </message>
    <message>
        <source>before the backward pass: forward values only, {n} steps to go</source>
        <translation>反向传播之前：只有前向传播的值，还有 {n} 步</translation>
    </message>
</context>
<context>
    <name>HiddenLayersEditor</name>
    <message>
        <source>Remove a hidden layer</source>
        <translation>删除一个隐藏层</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>Hidden layers between the inputs and the output: 0 to {max}</source>
        <translation>输入与输出之间的隐藏层：0 到 {max} 层</translation>
    </message>
    <message>
        <source>No hidden layer: the output is a weighted sum of the inputs, so the boundary is a straight line in the chosen features.</source>
        <translation>没有隐藏层：输出是输入的加权和，所以在所选特征中边界是一条直线。</translation>
    </message>
    <message>
        <source>{n} hidden layers</source>
        <translation>{n} 个隐藏层</translation>
    </message>
    <message>
        <source>{n} hidden layer</source>
        <translation>{n} 个隐藏层</translation>
    </message>
    <message>
        <source>Add a hidden layer of {width} neurons after the last one</source>
        <translation>在最后一层之后添加一个有 {width} 个神经元的隐藏层</translation>
    </message>
    <message>
        <source>The maximum is {max} hidden layers</source>
        <translation>最多 {max} 个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <source>No hidden layer left to remove</source>
        <translation>没有可删除的隐藏层</translation>
    </message>
</context>
<context>
    <name>HistoryScrubber</name>
    <message>
        <source>The run&apos;s recorded steps: every step at first, then every 2nd, 4th, … so that a run of any length fits in bounded memory. Drag to rewind the diagram, its maps, the output and the figures to a step (training goes on); ←/→ one recorded step, Home the first, End back to live.</source>
        <translation>这次运行记录下的步：起初每一步都记录，之后每 2 步、每 4 步……记录一次，这样任意长的运行都能放进有限的内存。拖动可把网络图、它的小图、输出和数字倒回到某一步（训练继续进行）；←/→ 移动一个记录的步，Home 到第一步，End 回到实时。</translation>
    </message>
    <message>
        <source>Follow training again: show the latest state (End)</source>
        <translation>重新跟随训练：显示最新状态（End）</translation>
    </message>
    <message>
        <source>Pause, and start a new run from the step shown: its weights and biases, its step and epoch counts and the loss history up to it (what came after is dropped; the mini-batches are drawn afresh from there, as when a saved session is opened)</source>
        <translation>暂停，并从显示的这一步开始新的运行：使用它的权重和偏置、步数和轮次数，以及到这一步为止的损失历史（之后的部分被丢弃；小批量从这里重新抽取，和打开保存的会话时一样）</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>从这里继续</translation>
    </message>
</context>
<context>
    <name>IteratePanel</name>
    <message>
        <source>Why does the article print 0.291027924 after the first update? Here all weights move at once from the gradients of the original weights (the method the article describes), which gives 0.291027774. The article&apos;s own number comes out only if w1..w4 are updated with gradients that already use the new w5..w8.</source>
        <translation>为什么原文在第一次更新后打印 0.291027924？这里所有权重都用原始权重的梯度同时更新（即原文描述的方法），得到 0.291027774。只有当 w1..w4 用已经使用了新 w5..w8 的梯度来更新时，才会得到原文的那个数。</translation>
    </message>
    <message>
        <source>Passes:</source>
        <translation>传播次数：</translation>
    </message>
    <message>
        <source>How many full passes (forward, backward, update) to run, 1 to {max}</source>
        <translation>要运行多少次完整传播（前向传播、反向传播、更新），1 到 {max}</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train the example from the current starting numbers and plot E_total</source>
        <translation>从当前初始数值开始训练示例，并绘制 E_total 曲线</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <source>Logarithmic error axis: the fall over thousands of passes stays visible</source>
        <translation>对数误差轴：几千次传播中误差的下降依然看得清</translation>
    </message>
    <message>
        <source>{done:,} of {total:,} passes</source>
        <translation>{done:,} / {total:,} 次传播</translation>
    </message>
    <message>
        <source>Stop the run; the curve keeps the last finished run</source>
        <translation>停止运行；曲线保留上一次完成的运行</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>从这里继续</translation>
    </message>
    <message>
        <source>Make the weights reached by the last run the stepper&apos;s starting numbers</source>
        <translation>把上次运行得到的权重作为单步演示的初始数值</translation>
    </message>
    <message>
        <source>Error curve</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <source>E_total after each pass of the last run (log scale)</source>
        <translation>上次运行中每次传播后的 E_total（对数刻度）</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>传播次数</translation>
    </message>
    <message>
        <source>Run passes to see the error fall and the outputs approach the targets.</source>
        <translation>运行多次传播，看误差下降、输出逼近目标值。</translation>
    </message>
    <message>
        <source>passes: {typed} is not a whole number</source>
        <translation>传播次数：{typed} 不是整数</translation>
    </message>
    <message>
        <source>passes must be between 1 and {max}, got {got}</source>
        <translation>传播次数必须在 1 到 {max} 之间，得到的是 {got}</translation>
    </message>
    <message>
        <source>Refused: {reason}.</source>
        <translation>已拒绝：{reason}。</translation>
    </message>
    <message>
        <source>Pass {n}: E_total = {error} · out_o1 = {o1} (target {t1}) · out_o2 = {o2} (target {t2}) · first pass E_total = {first}</source>
        <translation>第 {n} 次传播：E_total = {error} · out_o1 = {o1}（目标值 {t1}）· out_o2 = {o2}（目标值 {t2}）· 第一次传播 E_total = {first}</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>KeyboardCursor</name>
    <message>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
</context>
<context>
    <name>Landscape</name>
    <message>
        <source>the span must be a finite number &gt; 0, got {value}</source>
        <translation>范围必须是大于 0 的有限数，现在是 {value}</translation>
    </message>
    <message>
        <source>the number of steps must be a whole number from {low} to {high}, got {value}</source>
        <translation>网格点数必须是 {low} 到 {high} 之间的整数，现在是 {value}</translation>
    </message>
    <message>
        <source>the principal directions need at least 3 recorded points, got {n}</source>
        <translation>求主方向至少需要 3 个记录下来的点，现在只有 {n} 个</translation>
    </message>
    <message>
        <source>the principal directions need at least 2 parameters</source>
        <translation>求主方向至少需要 2 个参数</translation>
    </message>
    <message>
        <source>the trajectory holds a value that is not a finite number (did the run diverge?)</source>
        <translation>轨迹中有一个不是有限数的值（训练发散了吗？）</translation>
    </message>
    <message>
        <source>the trajectory does not move: its points are all the same, so it has no directions</source>
        <translation>轨迹没有移动：它的点全都相同，所以没有方向</translation>
    </message>
    <message>
        <source>the two directions do not span a plane (one is zero or they are parallel)</source>
        <translation>这两个方向张不成一个平面（其中一个为零，或者两者平行）</translation>
    </message>
    <message>
        <source>expected two parameter names such as w5,w1 (any two of {names}), got {value}</source>
        <translation>应为两个参数名，例如 w5,w1（{names} 中任意两个），现在是 {value}</translation>
    </message>
    <message>
        <source>unknown parameter {name}: choose two of {names}</source>
        <translation>未知参数 {name}：请从 {names} 中选两个</translation>
    </message>
    <message>
        <source>the two axes must be different parameters, got {name} twice</source>
        <translation>两条轴必须是不同的参数，现在两条都是 {name}</translation>
    </message>
    <message>
        <source>the span {span:g} takes {x} or {y} beyond the largest float64</source>
        <translation>范围 {span:g} 使 {x} 或 {y} 超出了 float64 能表示的最大值</translation>
    </message>
    <message>
        <source>E_total is too large for a float64 (overflow) at some points of the grid: use a smaller span or smaller starting numbers</source>
        <translation>在网格的某些点上，E_total 大到 float64 无法表示（溢出）：请用更小的范围或更小的初始数值</translation>
    </message>
    <message>
        <source>the number of passes must be a whole number &gt;= 0, got {value}</source>
        <translation>传播次数必须是 &gt;= 0 的整数，现在是 {value}</translation>
    </message>
</context>
<context>
    <name>LandscapeMap</name>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>its end</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>its start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>(dot: {end})</source>
        <translation>（圆点：{end}）</translation>
    </message>
    <message>
        <source>the numbers now</source>
        <translation>当前的数值</translation>
    </message>
    <message>
        <source>the weights now (the centre)</source>
        <translation>当前的权重（中心）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;➔&lt;/span&gt; −∇E, the way descent goes (direction only; |∇E| = {size:.3g})</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;➔&lt;/span&gt; −∇E，梯度下降前进的方向（只表示方向；|∇E| = {size:.3g}）</translation>
    </message>
    <message>
        <source>∇E = 0: no arrow</source>
        <translation>∇E = 0：没有箭头</translation>
    </message>
    <message>
        <source>thin lines: contours (equal loss)</source>
        <translation>细线：等高线（损失相等）</translation>
    </message>
    <message>
        <source>{name}, log colour scale</source>
        <translation>{name}，对数色标</translation>
    </message>
    <message>
        <source>training loss (cross-entropy)</source>
        <translation>训练损失（交叉熵）</translation>
    </message>
    <message>
        <source>training loss (squared error)</source>
        <translation>训练损失（平方误差）</translation>
    </message>
    <message>
        <source>training loss (softmax cross-entropy)</source>
        <translation>训练损失（softmax 交叉熵）</translation>
    </message>
    <message>
        <source>The last run of {passes:,} passes started from other numbers: run passes again on the worked example&apos;s tab to see their path from these.</source>
        <translation>上一次运行的 {passes:,} 次传播是从别的数值开始的：请在计算示例的标签页上再运行一次传播，才能看到从当前数值出发的路径。</translation>
    </message>
    <message>
        <source>No passes run from these numbers yet: run some on the worked example&apos;s tab (Run many passes) to see their path.</source>
        <translation>还没有从这些数值出发运行过传播：在计算示例的标签页上运行一些（多次传播），就能看到它们的路径。</translation>
    </message>
    <message>
        <source>The run diverged at pass {n:,}: the path stops at the last finite numbers (lower the learning rate).</source>
        <translation>运行在第 {n:,} 次传播时发散了：路径停在最后一组有限的数值处（请降低学习率）。</translation>
    </message>
    <message>
        <source>The path leaves the map: a wider span shows all of it.</source>
        <translation>路径超出了地图：把范围调大就能看到整条路径。</translation>
    </message>
    <message>
        <source>path of {passes:,} passes (η = {lr:g})</source>
        <translation>{passes:,} 次传播的路径（η = {lr:g}）</translation>
    </message>
    <message>
        <source>path of {passes:,} pass (η = {lr:g})</source>
        <translation>{passes:,} 次传播的路径（η = {lr:g}）</translation>
    </message>
    <message>
        <source>E_total over {x} and {y} (every other number fixed)</source>
        <translation>E_total 随 {x} 和 {y} 的变化（其他数值都固定）</translation>
    </message>
    <message>
        <source>the recorder does not hold every parameter of the network</source>
        <translation>记录器没有记录网络的全部参数</translation>
    </message>
    <message>
        <source>the playground has no training points to measure the loss on: draw some first</source>
        <translation>演练场没有可用来计算损失的训练点：请先画一些点</translation>
    </message>
    <message>
        <source>no principal directions yet: {reason}. Train a few steps, or choose random directions</source>
        <translation>还没有主方向：{reason}。请先训练几步，或者选择随机方向</translation>
    </message>
    <message>
        <source>PC1 ({share:.1f} % of the path&apos;s variance)</source>
        <translation>PC1（占路径方差的 {share:.1f} %）</translation>
    </message>
    <message>
        <source>every weight of the network is 0: random filter-normalised directions are 0 too</source>
        <translation>网络的所有权重都是 0：按滤波器归一化的随机方向也都是 0</translation>
    </message>
    <message>
        <source>direction 1 (random, seed {seed})</source>
        <translation>方向 1（随机，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>direction 2 (random, seed {seed})</source>
        <translation>方向 2（随机，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>training loss ({loss})</source>
        <translation>训练损失（{loss}）</translation>
    </message>
    <message>
        <source>Loss of the {sizes} network over a plane through its weights at step {step:,}</source>
        <translation>{sizes} 网络在第 {step:,} 步时，经过其权重的平面上的损失</translation>
    </message>
    <message>
        <source>The loss is measured on a random sample of {sample:,} of the {total:,} training points (the same sample each time), to keep the map quick.</source>
        <translation>为了让地图算得快，损失是在 {total:,} 个训练点中随机抽取的 {sample:,} 个点上计算的（每次都用同一组样本）。</translation>
    </message>
    <message>
        <source>Far from the current weights the loss is too large for a float64: those places are blank.</source>
        <translation>离当前权重较远的地方，损失大到 float64 无法表示：这些地方留白。</translation>
    </message>
    <message>
        <source>trajectory ({n:,} recorded steps, projected)</source>
        <translation>轨迹（记录的 {n:,} 步，投影到平面上）</translation>
    </message>
</context>
<context>
    <name>LandscapePage</name>
    <message>
        <source>Worked example (2-2-2)</source>
        <translation>计算示例（2-2-2）</translation>
    </message>
    <message>
        <source>Playground network</source>
        <translation>演练场的网络</translation>
    </message>
    <message>
        <source>Dark is low error, yellow high; the white lines are contours (equal E_total). The white line is where the passes of gradient descent took the two weights; the red arrow is the way descent goes from the numbers now. The passes change every weight, the map keeps the others where they are now. &lt;b&gt;Click the map&lt;/b&gt; to set the two weights there.</source>
        <translation>颜色越深误差越小，黄色表示误差大；白色细线是等高线（E_total 相等）。白线是梯度下降的各次传播把这两个权重带去的路径；红色箭头是从当前数值出发梯度下降前进的方向。每次传播会改变所有权重，而地图让其他参数保持当前值。&lt;b&gt;点击地图&lt;/b&gt;，把这两个权重设为该处的值。</translation>
    </message>
    <message>
        <source>The loss over a plane through the network&apos;s weights now (the centre): each place is the weights moved a·d1 + b·d2. The white line is the training path projected onto the plane, ending at the centre. With principal directions the plane is the one the path moved in most.</source>
        <translation>经过网络当前权重（中心）的一个平面上的损失：每个位置是权重移动 a·d1 + b·d2 后的结果。白线是投影到该平面上的训练路径，终点在中心。选用主方向时，这个平面就是路径移动最多的平面。</translation>
    </message>
    <message>
        <source>Recompute the landscape</source>
        <translation>重新计算损失地形</translation>
    </message>
    <message>
        <source>Whose loss: the worked example&apos;s E_total over two of its numbers, or the Training playground&apos;s network over a plane through its weights</source>
        <translation>谁的损失：计算示例的 E_total 随其中两个数值的变化，或“训练演练场”网络在经过其权重的平面上的损失</translation>
    </message>
    <message>
        <source>Computing the map: {done:,} of {total:,}</source>
        <translation>正在计算地图：{done:,} / {total:,}</translation>
    </message>
    <message>
        <source>Stop computing this map; the last one stays</source>
        <translation>停止计算这张地图；保留上一张</translation>
    </message>
    <message>
        <source>What to map</source>
        <translation>绘制什么</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>{name} {low:.3g} … {high:.3g} on a {n}×{n} grid</source>
        <translation>{name} {low:.3g} … {high:.3g}，{n}×{n} 网格</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>The Training playground has not made a network yet (it does as soon as its tab has been shown): open it, then come back.</source>
        <translation>“训练演练场”还没有建立网络（它的标签页一显示就会建立）：先打开它，再回到这里。</translation>
    </message>
    <message>
        <source>Landscape cancelled: the map shows the last one finished</source>
        <translation>损失地形已取消：地图显示上一次完成的结果</translation>
    </message>
    <message>
        <source>{sentence}.</source>
        <comment>the end of a sentence</comment>
        <translation>{sentence}。</translation>
    </message>
    <message>
        <source>No trajectory yet: the network has not trained. Press Play on the Training playground and its path appears here.</source>
        <translation>还没有轨迹：网络尚未训练。在“训练演练场”上按“播放”，它的路径就会显示在这里。</translation>
    </message>
    <message>
        <source>{x} = {x_value:g}, {y} = {y_value:g} (from the map)</source>
        <translation>{x} = {x_value:g}，{y} = {y_value:g}（来自地图）</translation>
    </message>
</context>
<context>
    <name>LessonsDialog</name>
    <message>
        <source>bpviz lessons</source>
        <translation>bpviz 课程</translation>
    </message>
</context>
<context>
    <name>LineCard</name>
    <message>
        <source>The chosen line in full</source>
        <translation>所选这行的完整内容</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>shapes</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>(the pass&apos;s array is {shape})</source>
        <translation>（这次传播算出的数组是 {shape}）</translation>
    </message>
    <message>
        <source>with the initial weights</source>
        <translation>（初始权重）</translation>
    </message>
    <message>
        <source>with the weights after {n:,} updates</source>
        <translation>（更新 {n:,} 次后的权重）</translation>
    </message>
    <message>
        <source>{name} after the update</source>
        <translation>更新后的 {name}</translation>
    </message>
    <message>
        <source>Value {when}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>值{when}：&lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{what} {when}: norm {norm}, entries from {low} to {high}, mean {mean}</source>
        <translation>{what}{when}：范数 {norm}，元素从 {low} 到 {high}，平均值 {mean}</translation>
    </message>
    <message>
        <source>; top-left entries [{rows} …]</source>
        <translation>；左上角的元素 [{rows} …]</translation>
    </message>
    <message>
        <source>. The mask set {blocked:,} of {entries:,} entries to 0 (where h &amp;lt; 0): the blank cells (the background&apos;s colour) of grad_h in the drawing</source>
        <translation>。掩码把 {entries:,} 个元素中的 {blocked:,} 个置为 0（h &amp;lt; 0 处）：即图中 grad_h 的空白格（背景色）</translation>
    </message>
</context>
<context>
    <name>LineList</name>
    <message>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward pass: the five gradient lines</source>
        <translation>反向传播：求梯度的五行</translation>
    </message>
    <message>
        <source>Update (η = learning_rate)</source>
        <translation>更新（η = learning_rate）</translation>
    </message>
    <message>
        <source>The seed&apos;s code, line by line</source>
        <translation>原文代码，逐行</translation>
    </message>
    <message>
        <source>Seed&apos;s code</source>
        <translation>原文代码</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Click a line to see it in the drawing; ↑/↓ (or ←/→) move through the lines</source>
        <translation>点击一行，在图中查看它；↑/↓（或 ←/→）逐行移动</translation>
    </message>
    <message>
        <source>The formula&apos;s shape algebra gives {shape}; the array computed by the pass has that shape</source>
        <translation>按公式推算形状得到 {shape}；这次传播算出的数组正是这个形状</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>gradient ∂E/∂·</source>
        <translation>梯度 ∂E/∂·</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>LiveTrajectoriesView</name>
    <message>
        <source>bias of layer {n}</source>
        <translation>第 {n} 层的偏置</translation>
    </message>
    <message>
        <source>bias of {neuron}</source>
        <translation>{neuron} 的偏置</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train the playground network continuously / pause (Space)</source>
        <translation>持续训练演练场的网络 / 暂停（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One gradient step of the playground network (Right arrow)</source>
        <translation>演练场的网络走一步梯度下降（右方向键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights; the recorded curves are cleared (Ctrl+R)</source>
        <translation>回到初始权重；清除已记录的曲线 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Playground network</source>
        <translation>演练场的网络</translation>
    </message>
    <message>
        <source>The parameters of the network on the Training playground tab, recorded at every frame while it trains, also while this page is hidden. Tick the ones to plot. A gradient is that of the last step before the frame (one mini-batch).</source>
        <translation>“训练演练场”标签页上网络的参数，训练时每一帧都会记录，这个页面隐藏时也会记录。勾选要绘制的参数。梯度是该帧之前最后一步的梯度（一个小批量）。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Parameters to plot</source>
        <translation>要绘制的参数</translation>
    </message>
    <message>
        <source>Tick a weight or bias to plot its value and its gradient ∂E/∂· against the step (up to {n} at once)</source>
        <translation>勾选一个权重或偏置，绘制它的值和梯度 ∂E/∂· 随步数的变化（最多同时 {n} 个）</translation>
    </message>
    <message>
        <source>First neuron</source>
        <translation>第一个神经元</translation>
    </message>
    <message>
        <source>Plot the weights into the first hidden neuron and its bias</source>
        <translation>绘制进入第一个隐藏神经元的权重及其偏置</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Untick every parameter</source>
        <translation>取消勾选所有参数</translation>
    </message>
    <message>
        <source>Frames are what the playground draws (about 30 a second while it trains); past {n:,} kept, every second one is dropped to bound the memory</source>
        <translation>帧是演练场绘制的画面（训练时每秒约 30 帧）；保留超过 {n:,} 帧后，每两帧丢弃一帧，以限制内存</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>hidden {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Layer {n}: {src} → {dst}</source>
        <translation>第 {n} 层：{src} → {dst}</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>At most {n} parameters are plotted at once, each in its own colour: untick one to plot {name}</source>
        <translation>最多同时绘制 {n} 个参数，每个一种颜色：取消勾选一个才能绘制 {name}</translation>
    </message>
    <message>
        <source> (1 in {n:,} kept)</source>
        <translation>（每 {n:,} 帧保留 1 帧）</translation>
    </message>
    <message>
        <source>Recorded {n:,} frames</source>
        <translation>已记录 {n:,} 帧</translation>
    </message>
    <message>
        <source>Steps {first:,} to {last:,}</source>
        <translation>第 {first:,} 步到第 {last:,} 步</translation>
    </message>
    <message>
        <source>No playground network to follow.</source>
        <translation>没有可跟踪的演练场网络。</translation>
    </message>
    <message>
        <source>Nothing has been trained yet. Press Play (Space) or Step (Right arrow) here or on the Training playground tab, and the ticked parameters move.</source>
        <translation>还没有训练。在这里或“训练演练场”标签页上按“播放”（空格键）或“单步”（右方向键），勾选的参数就会变化。</translation>
    </message>
    <message>
        <source>Tick a parameter on the left to plot it.</source>
        <translation>在左侧勾选一个参数来绘制它。</translation>
    </message>
    <message>
        <source>Nothing recorded yet</source>
        <translation>尚未记录</translation>
    </message>
</context>
<context>
    <name>Loss</name>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>The loss over the whole training set and the whole test set at the latest epoch</source>
        <translation>最近一个轮次时整个训练集和整个测试集上的损失</translation>
    </message>
    <message>
        <source>The x axis: the loss against gradient steps or against epochs (passes over the training set)</source>
        <translation>横轴：按梯度下降的步或按轮次（遍历一次训练集）画出损失</translation>
    </message>
    <message>
        <source>Logarithmic loss axis (log scale): the slow fall late in training stays visible</source>
        <translation>对数损失轴（log 刻度）：训练后期缓慢的下降仍然看得见</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Show the table of earlier runs under the curve: their names (double-click to rename), final losses, steps to 90 % accuracy and speed</source>
        <translation>在曲线下方显示之前运行的表格：名称（双击可重命名）、最终损失、达到 90 % 准确率的步数和速度</translation>
    </message>
    <message>
        <source>Wheel or drag to zoom and pan the x axis; the small &apos;A&apos; button (bottom left) follows the data again</source>
        <translation>用滚轮或拖动缩放、平移横轴；左下角的小“A”按钮重新跟随数据</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Pass</source>
        <translation>传播(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>bpviz — see and learn backpropagation</source>
        <translation>bpviz — 看见并学会反向传播</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About bpviz</source>
        <translation>关于 bpviz(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lessons (README)</source>
        <translation>课程（README）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Page commands</source>
        <translation>页面命令</translation>
    </message>
    <message>
        <source>{name} — bpviz</source>
        <translation>{name} — bpviz</translation>
    </message>
    <message>
        <source>About bpviz</source>
        <translation>关于 bpviz</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Show the window in this language from the next start of bpviz</source>
        <translation>下次启动 bpviz 时以这种语言显示窗口</translation>
    </message>
    <message>
        <source>The language changes when bpviz starts again.</source>
        <translation>语言将在 bpviz 重新启动后更改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>MatrixBlocksView</name>
    <message>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>entry &gt; 0</source>
        <translation>元素 &gt; 0</translation>
    </message>
    <message>
        <source>entry &lt; 0</source>
        <translation>元素 &lt; 0</translation>
    </message>
    <message>
        <source>≈ 0 (each block scaled to its largest |entry|; sides log-scaled)</source>
        <translation>≈ 0（每个矩阵块按自身最大的 |元素| 缩放；边长取对数刻度）</translation>
    </message>
    <message>
        <source>read by the selected line</source>
        <translation>所选这行读取的</translation>
    </message>
    <message>
        <source>written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>shape {symbolic} = {numbers}</source>
        <translation>形状 {symbolic} = {numbers}</translation>
    </message>
    <message>
        <source>norm {norm:.4g}; entries from {low:.4g} to {high:.4g}</source>
        <translation>范数 {norm:.4g}；元素从 {low:.4g} 到 {high:.4g}</translation>
    </message>
    <message>
        <source>value {value:.10g}</source>
        <translation>值 {value:.10g}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click: select the line that writes it&lt;/i&gt;</source>
        <translation>&lt;i&gt;点击：选中写入它的那行代码&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Forward pass: ŷ = max(x·W₁, 0)·W₂, then the loss L = Σ (ŷ − y)²</source>
        <translation>前向传播：ŷ = max(x·W₁, 0)·W₂，然后损失 L = Σ (ŷ − y)²</translation>
    </message>
    <message>
        <source>Backward pass: each gradient ∂L/∂· lies under its block, with the same shape</source>
        <translation>反向传播：每个梯度 ∂L/∂· 位于对应矩阵块的下方，形状相同</translation>
    </message>
</context>
<context>
    <name>ModeGrid</name>
    <message>
        <source>gradient ∂L/∂·</source>
        <translation>梯度 ∂L/∂·</translation>
    </message>
    <message>
        <source>loss (all samples)</source>
        <translation>损失（全部样本）</translation>
    </message>
    <message>
        <source>Batch gradient descent: every step uses all the training samples (one step per epoch)</source>
        <translation>批量梯度下降：每一步都用全部训练样本（每轮一步）</translation>
    </message>
    <message>
        <source>Mini-batch gradient descent: every step uses a few samples, reshuffled every epoch</source>
        <translation>小批量梯度下降：每一步用几个样本，每轮重新打乱</translation>
    </message>
    <message>
        <source>Stochastic gradient descent: every step uses one sample, reshuffled every epoch</source>
        <translation>随机梯度下降：每一步用一个样本，每轮重新打乱</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>Stochastic</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>press Run</source>
        <translation>请按“运行”</translation>
    </message>
    <message>
        <source>{n} sample per step · {steps:,} steps</source>
        <translation>每步 {n} 个样本 · 共 {steps:,} 步</translation>
    </message>
    <message>
        <source>{n} samples per step · {steps:,} steps</source>
        <translation>每步 {n} 个样本 · 共 {steps:,} 步</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>结束时</translation>
    </message>
    <message>
        <source>diverged at step {step:,}</source>
        <translation>在第 {step:,} 步发散</translation>
    </message>
    <message>
        <source>at epoch {epoch:.4g} (step {step:,})</source>
        <translation>第 {epoch:.4g} 轮（第 {step:,} 步）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>{name}: bias of {neurons}</source>
        <translation>{name}：{neurons} 的偏置</translation>
    </message>
    <message>
        <source>{name}: bias → {neuron}</source>
        <translation>{name}：偏置 → {neuron}</translation>
    </message>
    <message>
        <source>(click to edit)</source>
        <translation>（点击编辑）</translation>
    </message>
    <message>
        <source>— (not computed yet)</source>
        <translation>—（尚未计算）</translation>
    </message>
    <message>
        <source>{name}: target of {neuron}</source>
        <translation>{name}：{neuron} 的目标值</translation>
    </message>
    <message>
        <source>biases of layer {n} (constant input 1)</source>
        <translation>第 {n} 层的偏置（恒定输入 1）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>(not computed yet)</source>
        <translation>（尚未计算）</translation>
    </message>
    <message>
        <source>target {name} = {value}</source>
        <translation>目标值 {name} = {value}</translation>
    </message>
    <message>
        <source>new value of {name} · Enter applies, Esc cancels</source>
        <translation>{name} 的新值 · Enter 应用，Esc 取消</translation>
    </message>
</context>
<context>
    <name>NeuronMap</name>
    <message>
        <source>map: {what} over the input plane (scaled to −1…1): blue &gt; 0, orange &lt; 0</source>
        <translation>热图：{what} 在输入平面上的值（缩放到 −1…1）：蓝 &gt; 0，橙 &lt; 0</translation>
    </message>
    <message>
        <source>map: the probability P of class {cls} over the input plane (softmax output {name}), drawn as 2·P − 1: blue where P &gt; ½, orange where P &lt; ½</source>
        <translation>热图：类别 {cls} 的概率 P 在输入平面上的值（softmax 输出 {name}），画作 2·P − 1：P &gt; ½ 处为蓝，P &lt; ½ 处为橙</translation>
    </message>
    <message>
        <source>map: output of {name} over the input plane: blue &gt; 0, orange &lt; 0</source>
        <translation>热图：{name} 的输出在输入平面上的值：蓝 &gt; 0，橙 &lt; 0</translation>
    </message>
</context>
<context>
    <name>NeuronRunner</name>
    <message>
        <source>not enough memory for a run this long: use fewer epochs or samples</source>
        <translation>内存不足，无法完成这么长的运行：请减少轮数或样本数</translation>
    </message>
</context>
<context>
    <name>NeuronTrajectoriesView</name>
    <message>
        <source>None (linear)</source>
        <translation>无（线性）</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>stochastic</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Seed 001&apos;s neuron: a = f(w&lt;sub&gt;1&lt;/sub&gt;x&lt;sub&gt;1&lt;/sub&gt; + w&lt;sub&gt;2&lt;/sub&gt;x&lt;sub&gt;2&lt;/sub&gt; + w&lt;sub&gt;3&lt;/sub&gt;x&lt;sub&gt;3&lt;/sub&gt; + b). Each sample has three 0/1 features and the target is the first one (“the other two do not matter”), so w&lt;sub&gt;1&lt;/sub&gt; should grow while w&lt;sub&gt;2&lt;/sub&gt;, w&lt;sub&gt;3&lt;/sub&gt; fade. Loss ½(a − y)², averaged over the samples. The three modes start from the same weights and see the samples in the same order.</source>
        <translation>第 001 篇的神经元：a = f(w&lt;sub&gt;1&lt;/sub&gt;x&lt;sub&gt;1&lt;/sub&gt; + w&lt;sub&gt;2&lt;/sub&gt;x&lt;sub&gt;2&lt;/sub&gt; + w&lt;sub&gt;3&lt;/sub&gt;x&lt;sub&gt;3&lt;/sub&gt; + b)。每个样本有三个 0/1 特征，目标值就是第一个特征（“另外两个无关紧要”），所以 w&lt;sub&gt;1&lt;/sub&gt; 应当增大，而 w&lt;sub&gt;2&lt;/sub&gt;、w&lt;sub&gt;3&lt;/sub&gt; 逐渐消失。损失为 ½(a − y)²，对样本取平均。三种方式从相同的权重出发，以相同的顺序看到样本。</translation>
    </message>
    <message>
        <source>Without an activation the best fit is w&lt;sub&gt;1&lt;/sub&gt; = 1 and w&lt;sub&gt;2&lt;/sub&gt; = w&lt;sub&gt;3&lt;/sub&gt; = b = 0.</source>
        <translation>没有激活函数时，最佳拟合是 w&lt;sub&gt;1&lt;/sub&gt; = 1，w&lt;sub&gt;2&lt;/sub&gt; = w&lt;sub&gt;3&lt;/sub&gt; = b = 0。</translation>
    </message>
    <message>
        <source>With a sigmoid the best fit lies at infinity: w&lt;sub&gt;1&lt;/sub&gt; keeps growing and b turns negative (σ(b) → 0 when x&lt;sub&gt;1&lt;/sub&gt; = 0, σ(w&lt;sub&gt;1&lt;/sub&gt; + b) → 1 when x&lt;sub&gt;1&lt;/sub&gt; = 1).</source>
        <translation>用 sigmoid 时，最佳拟合在无穷远处：w&lt;sub&gt;1&lt;/sub&gt; 不断增大，b 变为负数（x&lt;sub&gt;1&lt;/sub&gt; = 0 时 σ(b) → 0，x&lt;sub&gt;1&lt;/sub&gt; = 1 时 σ(w&lt;sub&gt;1&lt;/sub&gt; + b) → 1）。</translation>
    </message>
    <message>
        <source>With tanh, b stays near 0 (tanh(0) = 0) and w&lt;sub&gt;1&lt;/sub&gt; keeps growing towards tanh(w&lt;sub&gt;1&lt;/sub&gt;) = 1.</source>
        <translation>用 tanh 时，b 保持在 0 附近（tanh(0) = 0），w&lt;sub&gt;1&lt;/sub&gt; 不断增大，使 tanh(w&lt;sub&gt;1&lt;/sub&gt;) 趋向 1。</translation>
    </message>
    <message>
        <source>A ReLU neuron behaves like the linear one while its input stays positive: w&lt;sub&gt;1&lt;/sub&gt; → 1.</source>
        <translation>只要输入保持为正，ReLU 神经元就和线性神经元一样：w&lt;sub&gt;1&lt;/sub&gt; → 1。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Single neuron (seed 001)</source>
        <translation>单个神经元（第 001 篇）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>The neuron&apos;s activation f. The article&apos;s neuron has none (a = wᵀx + b); its later sections add sigmoid, tanh and ReLU.</source>
        <translation>神经元的激活函数 f。文章中的神经元没有激活函数（a = wᵀx + b）；文章后面几节加入了 sigmoid、tanh 和 ReLU。</translation>
    </message>
    <message>
        <source>Learning rate λ of w ← w − λ·∇L(w) (the article: “usually around 0.05”)</source>
        <translation>w ← w − λ·∇L(w) 中的学习率 λ（文章：“通常在 0.05 左右”）</translation>
    </message>
    <message>
        <source>Passes over the training set; the x axis of the plots</source>
        <translation>遍历训练集的轮数；即图的横轴</translation>
    </message>
    <message>
        <source>Samples per step of the mini-batch mode (batch uses them all, stochastic one)</source>
        <translation>小批量方式每步用的样本数（批量方式用全部样本，随机方式用一个）</translation>
    </message>
    <message>
        <source>Training samples: random 0/1 features, the target is the first feature</source>
        <translation>训练样本：随机的 0/1 特征，目标值是第一个特征</translation>
    </message>
    <message>
        <source>Seed of the samples, the initial weights and the sample order</source>
        <translation>样本、初始权重和样本顺序的随机种子</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Mini-batch size</source>
        <translation>小批量大小</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train the three modes with these settings (Ctrl+Enter)</source>
        <translation>用这些设置以三种方式训练 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the run in progress</source>
        <translation>停止正在进行的运行</translation>
    </message>
    <message>
        <source>What to see</source>
        <translation>看什么</translation>
    </message>
    <message>
        <source>Log scale for the loss</source>
        <translation>损失用对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: the steady fall of each mode is a straight line, and the tiny losses at the end stay visible</source>
        <translation>在对数坐标轴上显示损失：每种方式的稳定下降都是一条直线，最后很小的损失也看得见</translation>
    </message>
    <message>
        <source>Rows: the parameters, the gradients the steps applied, the loss on all the samples. Hover over a plot to read the values at that epoch in the headers; drag to pan, right-drag or the wheel to zoom, double-click to see the whole run again.</source>
        <translation>各行：参数、每步所用的梯度、全部样本上的损失。鼠标悬停在图上，可在标题中读出该轮的数值；拖动可平移，右键拖动或滚轮可缩放，双击重新显示整个运行过程。</translation>
    </message>
    <message>
        <source>Per epoch: batch takes 1 step, mini-batch {mini:,}, stochastic {stochastic:,}: compare how far each gets on the same epoch axis.</source>
        <translation>每轮：批量方式走 1 步，小批量方式 {mini:,} 步，随机方式 {stochastic:,} 步：在同一条轮数轴上比较各自走了多远。</translation>
    </message>
    <message>
        <source>Run (settings changed)</source>
        <translation>运行（设置已更改）</translation>
    </message>
    <message>
        <source>Preparing the plots…</source>
        <translation>正在准备图……</translation>
    </message>
    <message>
        <source>{done:,} of {total:,} steps</source>
        <translation>{done:,} / {total:,} 步</translation>
    </message>
    <message>
        <source>Training the three modes…</source>
        <translation>正在以三种方式训练……</translation>
    </message>
    <message>
        <source>Run cancelled: the plots show the previous run.</source>
        <translation>运行已取消：图中显示的是上一次运行。</translation>
    </message>
    <message>
        <source>Trajectory run cancelled</source>
        <translation>轨迹运行已取消</translation>
    </message>
    <message>
        <source>The run failed: {message}</source>
        <translation>运行失败：{message}</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{color}&quot;&gt;{modes} diverged: the values grew beyond floating point. The plots stop at the last finite step; lower the learning rate.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:{color}&quot;&gt;{modes}发散了：数值超出了浮点数的范围。图在最后一个有限值的步骤处停止；请降低学习率。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{steps:,} steps in {seconds:.2f} s. Hover over a plot to read the values.</source>
        <translation>{steps:,} 步，用时 {seconds:.2f} 秒。鼠标悬停在图上可读出数值。</translation>
    </message>
    <message>
        <source>Trained the single neuron three ways: {steps:,} steps in {seconds:.2f} s</source>
        <translation>已以三种方式训练单个神经元：{steps:,} 步，用时 {seconds:.2f} 秒</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Worked example (2-2-2)</source>
        <translation>计算示例（2-2-2）</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Seed 004: every gradient of backprop beside a numerical derivative of the loss, to catch a wrong backward</source>
        <translation>第 004 篇：反向传播算出的每个梯度与损失的数值导数并排对照，找出错误的反向传播</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>The loss over two directions of parameter space, with the path gradient descent takes over it</source>
        <translation>损失在参数空间两个方向上的取值，以及梯度下降在其上走过的路径</translation>
    </message>
    <message>
        <source>Training playground</source>
        <translation>训练演练场</translation>
    </message>
    <message>
        <source>Parameter trajectories</source>
        <translation>参数轨迹</translation>
    </message>
    <message>
        <source>Seed 001: how weights, gradients and the loss move under batch, mini-batch and stochastic descent</source>
        <translation>第 001 篇：权重、梯度和损失在批量、小批量和随机梯度下降下如何变化</translation>
    </message>
    <message>
        <source>NumPy warm-up (matrices)</source>
        <translation>NumPy 热身（矩阵）</translation>
    </message>
    <message>
        <source>Seed 000: the two-layer ReLU net of PyTorch&apos;s NumPy warm-up as matrices, each line of its code with its shapes</source>
        <translation>第 000 篇：PyTorch 的 NumPy 热身示例中的两层 ReLU 网络，以矩阵呈现，每行代码都标出形状</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Seeds 002 and 004: a calculation as a graph; values flow forward, the chain rule sends each gradient back node by node</source>
        <translation>第 002 和 004 篇：把计算画成计算图；数值向前流动，链式法则把每个梯度逐个节点地传回去</translation>
    </message>
</context>
<context>
    <name>ParamsEditor</name>
    <message>
        <source>Inputs, targets</source>
        <translation>输入、目标值</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Biases, learning rate</source>
        <translation>偏置、学习率</translation>
    </message>
    <message>
        <source>b₁ (hidden)</source>
        <translation>b₁（隐藏层）</translation>
    </message>
    <message>
        <source>b₂ (output)</source>
        <translation>b₂（输出层）</translation>
    </message>
    <message>
        <source>η (rate)</source>
        <translation>η（学习率）</translation>
    </message>
    <message>
        <source>First input of the example (published: 0.05)</source>
        <translation>示例的第一个输入（原文：0.05）</translation>
    </message>
    <message>
        <source>Second input (published: 0.10)</source>
        <translation>第二个输入（原文：0.10）</translation>
    </message>
    <message>
        <source>Target of output o1 (published: 0.01)</source>
        <translation>输出 o1 的目标值（原文：0.01）</translation>
    </message>
    <message>
        <source>Target of output o2 (published: 0.99)</source>
        <translation>输出 o2 的目标值（原文：0.99）</translation>
    </message>
    <message>
        <source>Bias of both hidden neurons (published: 0.35)</source>
        <translation>两个隐藏层神经元共用的偏置（原文：0.35）</translation>
    </message>
    <message>
        <source>Bias of both output neurons (published: 0.60)</source>
        <translation>两个输出层神经元共用的偏置（原文：0.60）</translation>
    </message>
    <message>
        <source>Learning rate η of the update w⁺ = w − η·∂E/∂w (published: 0.5); must be &gt; 0</source>
        <translation>更新 w⁺ = w − η·∂E/∂w 中的学习率 η（原文：0.5）；必须 &gt; 0</translation>
    </message>
    <message>
        <source>{name}: {typed} is not a number</source>
        <translation>{name}：{typed} 不是数</translation>
    </message>
    <message>
        <source>{name}: {typed} is not a finite number</source>
        <translation>{name}：{typed} 不是有限的数</translation>
    </message>
    <message>
        <source>the learning rate must be greater than 0, got {typed}</source>
        <translation>学习率必须大于 0，得到的是 {typed}</translation>
    </message>
    <message>
        <source>Weight {name}: {edge} (press Enter to apply)</source>
        <translation>权重 {name}：{edge}（按 Enter 应用）</translation>
    </message>
    <message>
        <source>Update biases too</source>
        <translation>同时更新偏置</translation>
    </message>
    <message>
        <source>The published example keeps b1 and b2 fixed; tick to update them as well</source>
        <translation>原文示例中 b1 和 b2 保持不变；勾选后它们也会更新</translation>
    </message>
    <message>
        <source>Reset to published values</source>
        <translation>恢复为原文数值</translation>
    </message>
    <message>
        <source>Refused: {reason}. Kept {name} = {value}.</source>
        <translation>已拒绝：{reason}。保留 {name} = {value}。</translation>
    </message>
</context>
<context>
    <name>PassPanel</name>
    <message>
        <source>Right-click a training point on the output map to step through it instead; right-click an edge of the diagram to see the chain of factors behind its gradient.</source>
        <translation>在输出图上右键单击一个训练集的点，可改为逐步计算它；在网络图上右键单击一条连线，可查看其梯度背后的因子链。</translation>
    </message>
    <message>
        <source>Pass on</source>
        <translation>传播对象</translation>
    </message>
    <message>
        <source>one training point</source>
        <translation>一个训练点</translation>
    </message>
    <message>
        <source>the next mini-batch</source>
        <translation>下一个小批量</translation>
    </message>
    <message>
        <source>One point: its pass, step by step. The next mini-batch: the first point&apos;s pass, then each gradient as the mean of the batch&apos;s points&apos; own, and the update the next training step makes</source>
        <translation>一个点：逐步计算它的传播。下一个小批量：先是第一个点的传播，然后每个梯度取批量中各点梯度的平均值，以及下一步训练所做的更新</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>应用更新</translation>
    </message>
    <message>
        <source>Put this pass&apos;s updated weights and biases (w⁺) into the network: Play and Step continue from them (Ctrl+U)</source>
        <translation>把这次传播更新后的权重和偏置（w⁺）放进网络：“播放”和“单步”从它们继续（Ctrl+U）</translation>
    </message>
    <message>
        <source>Undo update</source>
        <translation>撤销更新</translation>
    </message>
    <message>
        <source>Give the network back the weights this pass started from (Ctrl+Z)</source>
        <translation>把网络恢复为这次传播开始时的权重（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Back to training</source>
        <translation>返回训练</translation>
    </message>
    <message>
        <source>Leave the pass: the training settings again (Esc)</source>
        <translation>离开这次传播：回到训练设置（Esc）</translation>
    </message>
</context>
<context>
    <name>PassStepping</name>
    <message>
        <source>There is no training point to step through: draw some first (Draw points, Ctrl+D)</source>
        <translation>没有可逐步计算的训练点：请先绘制一些点（绘制点，Ctrl+D）</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <source>bce</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>half_sse</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>softmax_ce</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>the next mini-batch: {n} points, the first {first}</source>
        <translation>下一个小批量：{n} 个点，第一个是{first}</translation>
    </message>
    <message>
        <source>value {value}</source>
        <translation>数值 {value}</translation>
    </message>
    <message>
        <source>the training set has {n} points (0 to {last}), not a point {point}</source>
        <translation>训练集有 {n} 个点（0 到 {last}），没有点 {point}</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>类别 {name}</translation>
    </message>
    <message>
        <source>training point {index} at ({x1}, {x2}), {what}</source>
        <translation>训练点 {index}，位于 ({x1}, {x2})，{what}</translation>
    </message>
    <message>
        <source>Step through a pass</source>
        <translation>逐步计算一次传播</translation>
    </message>
    <message>
        <source>Pause and step through one pass of this network on one training point: every net input, output, δ, gradient and update, on the diagram (Ctrl+T)</source>
        <translation>暂停，并在一个训练点上逐步计算这个网络的一次传播：每个净输入、输出、δ、梯度和更新都显示在网络图上（Ctrl+T）</translation>
    </message>
    <message>
        <source>Step through this point</source>
        <translation>逐步计算这个点</translation>
    </message>
    <message>
        <source>Step through a pass on the training point nearest to where you clicked</source>
        <translation>在离单击位置最近的训练点上逐步计算一次传播</translation>
    </message>
    <message>
        <source>Explain ∂E/∂w</source>
        <translation>解释 ∂E/∂w</translation>
    </message>
    <message>
        <source>Pausing training…</source>
        <translation>正在暂停训练…</translation>
    </message>
    <message>
        <source>The stepped pass ended: the network it was of has been reset, changed or trained on.</source>
        <translation>逐步计算的传播已结束：它所属的网络已被重置、修改或继续训练。</translation>
    </message>
    <message>
        <source>&lt;b&gt;One pass of the {arch} network&lt;/b&gt; on {subject}&lt;br&gt;{activation} hidden layers, {loss} loss, η = {lr}</source>
        <translation>&lt;b&gt;{arch} 网络的一次传播&lt;/b&gt;，对象：{subject}&lt;br&gt;隐藏层激活函数 {activation}，损失 {loss}，η = {lr}</translation>
    </message>
    <message>
        <source>Stepping through one pass on {subject}: Next (→) computes the next quantity</source>
        <translation>正在逐步计算一次传播（{subject}）：“下一步”（→）计算下一个量</translation>
    </message>
    <message>
        <source>This update is not applied: some new weights are not finite numbers (the learning rate is too large for this network). Back to training and lower it.</source>
        <translation>这次更新未应用：一些新权重不是有限的数（对这个网络来说学习率太大）。请返回训练并调低学习率。</translation>
    </message>
    <message>
        <source>the training step on this mini-batch is taken (the step count grows by one)</source>
        <translation>已在这个小批量上完成一步训练（步数加一）</translation>
    </message>
    <message>
        <source>the network has this pass&apos;s w⁺ now</source>
        <translation>网络现在使用这次传播的 w⁺</translation>
    </message>
    <message>
        <source>Update applied: {done}; Play or Step continues from it. Undo update gives back the weights before.</source>
        <translation>已应用更新：{done}；“播放”或“单步”从这里继续。“撤销更新”恢复之前的权重。</translation>
    </message>
    <message>
        <source>Update undone: the network has the weights this pass started from.</source>
        <translation>已撤销更新：网络恢复为这次传播开始时的权重。</translation>
    </message>
    <message>
        <source>Explain {name}: its chain of factors</source>
        <translation>解释 {name}：它的因子链</translation>
    </message>
    <message>
        <source>This pass has no gradient of {param} (its biases stay fixed)</source>
        <translation>这次传播没有 {param} 的梯度（它的偏置保持不变）</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>The batch: mean of the samples&apos; gradients</source>
        <translation>批量：各样本梯度的平均</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已知</translation>
    </message>
</context>
<context>
    <name>PictureExportDialog</name>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG vector drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>Export {what}</source>
        <translation>导出{what}</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>{scale} times the size on screen ({w} × {h})</source>
        <translation>屏幕上大小的 {scale} 倍（{w} × {h}）</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>SVG keeps lines and text as vectors: sharp at any size.</source>
        <translation>SVG 把线条和文字保存为矢量：任何大小下都清晰。</translation>
    </message>
    <message>
        <source>{w:,} × {h:,} is {millions:.0f} million pixels: at most {most} million can be drawn. Choose a smaller size.</source>
        <translation>{w:,} × {h:,} 共 {millions:.0f} 百万像素：最多只能绘制 {most} 百万像素。请选择更小的尺寸。</translation>
    </message>
</context>
<context>
    <name>PlaneControls</name>
    <message>
        <source>Random (filter-normalised)</source>
        <translation>随机（按滤波器归一化）</translation>
    </message>
    <message>
        <source>Principal (of the trajectory)</source>
        <translation>主方向（轨迹的主成分）</translation>
    </message>
    <message>
        <source>The plane&apos;s two directions: random ones scaled neuron by neuron to the network&apos;s weights (Li et al., 2018), or the two along which the recorded trajectory moved most (its principal components)</source>
        <translation>平面的两个方向：逐个神经元按网络权重缩放的随机方向（Li 等人，2018），或记录的轨迹移动最多的两个方向（它的主成分）</translation>
    </message>
    <message>
        <source>The random directions&apos; seed: another seed, another plane</source>
        <translation>随机方向的随机种子：换一个随机种子，就换一个平面</translation>
    </message>
    <message>
        <source>Fit the trajectory</source>
        <translation>适配轨迹</translation>
    </message>
    <message>
        <source>Span the map to show the whole projected trajectory (at least ± 1 for random directions)</source>
        <translation>调整地图范围以显示整条投影轨迹（随机方向时至少 ± 1）</translation>
    </message>
    <message>
        <source>The map runs over a and b from −span to span, the weights being centre + a·d1 + b·d2</source>
        <translation>地图上 a 和 b 从 −范围 到 范围，权重为 中心 + a·d1 + b·d2</translation>
    </message>
    <message>
        <source>Update while training</source>
        <translation>训练时更新</translation>
    </message>
    <message>
        <source>Recompute the map a few times a second while the playground trains</source>
        <translation>演练场训练时，每秒重新计算地图几次</translation>
    </message>
    <message>
        <source>Directions:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
</context>
<context>
    <name>Playground</name>
    <message>
        <source>Classify the {name} point set (red against blue)</source>
        <translation>对{name}点集分类（红对蓝）</translation>
    </message>
    <message>
        <source>Classify the {name} point set (red against blue, or up to six classes: see Classes)</source>
        <translation>对{name}点集分类（红对蓝，或最多六个类别：见“类别数”）</translation>
    </message>
    <message>
        <source>Regression: learn a value that rises linearly across the plane, (x₁ + x₂)/2, from −1 (orange) to +1 (blue); the output neuron is linear and the error squared</source>
        <translation>回归：学习一个在平面上线性增长的值 (x₁ + x₂)/2，从 −1（橙）到 +1（蓝）；输出神经元是线性的，误差取平方误差</translation>
    </message>
    <message>
        <source>Regression: learn a landscape of six bumps of height +1 (blue) and −1 (orange); the output neuron is linear and the error squared</source>
        <translation>回归：学习由六个高度为 +1（蓝）和 −1（橙）的鼓包组成的地形；输出神经元是线性的，误差取平方误差</translation>
    </message>
    <message>
        <source>Your own points: draw them on the output panel (Draw points, Ctrl+D) or import a CSV file (File &gt; Import data…). Choosing it starts from the points shown now.</source>
        <translation>你自己的点：在输出面板上绘制（绘制点，Ctrl+D）或导入 CSV 文件（文件 &gt; 导入数据…）。选择它时从当前显示的点开始。</translation>
    </message>
    <message>
        <source>Input {label}: {tip} (click to add or remove it)</source>
        <translation>输入 {label}：{tip}（单击可添加或移除）</translation>
    </message>
    <message>
        <source>Input {label} is the only input left: at least one input is needed</source>
        <translation>输入 {label} 是仅剩的输入：至少需要一个输入</translation>
    </message>
    <message>
        <source>The value of the loaded settings (not one of the usual choices)</source>
        <translation>载入的设置中的值（不在常用选项中）</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>cross-entropy (sigmoid output)</source>
        <translation>交叉熵（sigmoid 输出）</translation>
    </message>
    <message>
        <source>squared error ½(y−t)²</source>
        <translation>平方误差 ½(y−t)²</translation>
    </message>
    <message>
        <source>softmax cross-entropy (2 outputs)</source>
        <translation>softmax 交叉熵（2 个输出）</translation>
    </message>
    <message>
        <source>squared error (linear output)</source>
        <translation>平方误差（线性输出）</translation>
    </message>
    <message>
        <source>softmax cross-entropy ({k} outputs)</source>
        <translation>softmax 交叉熵（{k} 个输出）</translation>
    </message>
    <message>
        <source>Binary cross-entropy −t·ln y − (1−t)·ln(1−y) on one sigmoid output y = P(blue)</source>
        <translation>二元交叉熵 −t·ln y − (1−t)·ln(1−y)，作用于一个 sigmoid 输出 y = P(blue)</translation>
    </message>
    <message>
        <source>½(y−t)² averaged over the points, on one sigmoid output y = P(blue) (the worked example&apos;s error)</source>
        <translation>½(y−t)² 对所有点取平均，作用于一个 sigmoid 输出 y = P(blue)（计算示例中的误差）</translation>
    </message>
    <message>
        <source>Cross-entropy on two softmax outputs, one per class (red, blue)</source>
        <translation>两个 softmax 输出上的交叉熵，每个类别一个（红、蓝）</translation>
    </message>
    <message>
        <source>½(y−t)² averaged over the points; the output neuron is linear, so y can take any value</source>
        <translation>½(y−t)² 对所有点取平均；输出神经元是线性的，所以 y 可以取任意值</translation>
    </message>
    <message>
        <source>Cross-entropy on {k} softmax outputs, one per class: −ln of the probability the network gives the point&apos;s own class</source>
        <translation>{k} 个 softmax 输出上的交叉熵，每个类别一个：网络给该点所属类别的概率取 −ln</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest are test points the network never learns from</source>
        <translation>用于训练的点所占的比例；其余的是测试集的点，网络从不从中学习</translation>
    </message>
    <message>
        <source>How much the points are jittered: 0 = clean shapes, 50 = the classes overlap (regression: how far from each point its target value is read)</source>
        <translation>点的抖动程度：0 = 干净的形状，50 = 类别互相重叠（回归：每个点的目标值从离它多远的地方读取）</translation>
    </message>
    <message>
        <source>Samples per step: 1 = stochastic gradient descent, all = full batch (applies at once)</source>
        <translation>每步使用的样本数：1 = 随机梯度下降，全部 = 全批量（立即生效）</translation>
    </message>
    <message>
        <source>Number of points in the data set, training and test together (50 to 2000)</source>
        <translation>数据集中点的个数，训练集和测试集合计（50 到 2000）</translation>
    </message>
    <message>
        <source>Random seed of the points, the starting weights and the batch order: same seed, same run</source>
        <translation>点、初始权重和批量顺序的随机种子：种子相同，运行就相同</translation>
    </message>
    <message>
        <source>Pick a new random seed: new points and new starting weights</source>
        <translation>选一个新的随机种子：新的点和新的初始权重</translation>
    </message>
    <message>
        <source>Step size η of gradient descent, w ← w − η·∂E/∂w (applies at once, without restarting)</source>
        <translation>梯度下降的步长 η，w ← w − η·∂E/∂w（立即生效，无需重新开始）</translation>
    </message>
    <message>
        <source>Activation function of the hidden neurons</source>
        <translation>隐藏层神经元的激活函数</translation>
    </message>
    <message>
        <source>The error E that training minimises, with the output layer it implies</source>
        <translation>训练要最小化的误差 E，以及它所对应的输出层</translation>
    </message>
    <message>
        <source>Regression: the output neuron is linear and E is the squared error ½(y−t)² averaged over the points (the one loss for predicting a value)</source>
        <translation>回归：输出神经元是线性的，E 是对所有点取平均的平方误差 ½(y−t)²（预测数值时唯一的损失）</translation>
    </message>
    <message>
        <source>{k} classes: the output layer is a softmax of {k} neurons, one per class, and E is its cross-entropy (the one loss for more than two classes)</source>
        <translation>{k} 个类别：输出层是 {k} 个神经元的 softmax，每个类别一个，E 是它的交叉熵（多于两个类别时唯一的损失）</translation>
    </message>
    <message>
        <source>Number of classes ({low} to {high}). Only {sets} come with more than two (one arm or one cluster per class), and your own data has as many as you give it (fewer takes away the points of the classes dropped); the other sets have two, regression sets none. Three or more classes train with the softmax cross-entropy loss, one output neuron per class</source>
        <translation>类别数（{low} 到 {high}）。只有{sets}可以多于两个类别（每个类别一条旋臂或一团点），你自己的数据有你给的那么多（减少类别会去掉被舍弃类别的点）；其他数据集有两个类别，回归数据集没有类别。三个及以上类别用 softmax 交叉熵损失训练，每个类别一个输出神经元</translation>
    </message>
    <message>
        <source>Penalty on large weights added to the error: L1 pushes weights to 0, L2 shrinks them (applies at once)</source>
        <translation>加到误差上的对大权重的惩罚：L1 把权重推向 0，L2 使权重缩小（立即生效）</translation>
    </message>
    <message>
        <source>Strength λ of the regularization penalty; 0 turns it off (applies at once)</source>
        <translation>正则化惩罚的强度 λ；0 表示关闭（立即生效）</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
</context>
<context>
    <name>PlaygroundControls</name>
    <message>
        <source>Settings of the network and its training</source>
        <translation>网络及其训练的设置</translation>
    </message>
    <message>
        <source>Training is running: a change to the data, features, layers, activation or loss starts a new run; rate, batch size and regularization apply at once.</source>
        <translation>训练进行中：修改数据、特征、层、激活函数或损失会开始新的运行；学习率、批量大小和正则化立即生效。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Ratio of training to test data</source>
        <translation>训练集与测试集之比</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>新种子</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Inputs computed from each point (x₁, x₂):</source>
        <translation>由每个点 (x₁, x₂) 计算出的输入：</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>all ({n})</source>
        <translation>全部（{n}）</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; · decision region and points</source>
        <translation>&lt;b&gt;输出&lt;/b&gt; · 决策区域和点</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; · predicted value over the plane and the points&apos; targets</source>
        <translation>&lt;b&gt;输出&lt;/b&gt; · 平面上的预测值和点的目标值</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously / pause (Space)</source>
        <translation>连续训练 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One gradient step on one batch (Right arrow)</source>
        <translation>在一个批量上走一步梯度下降（→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights of this seed, history cleared (Ctrl+R)</source>
        <translation>回到这个种子的初始权重，清除历史（Ctrl+R）</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Decision region</source>
        <translation>决策区域</translation>
    </message>
    <message>
        <source>The network&apos;s output over the input plane, with the data points drawn over it</source>
        <translation>网络在输入平面上的输出，数据点画在上面</translation>
    </message>
    <message>
        <source>The training and test loss as training goes on</source>
        <translation>训练过程中的训练损失和测试损失</translation>
    </message>
    <message>
        <source>Loss curve&apos;s x axis</source>
        <translation>损失曲线的横轴</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>对数损失轴</translation>
    </message>
    <message>
        <source>Playground network</source>
        <translation>演练场网络</translation>
    </message>
    <message>
        <source>Loss history (CSV)</source>
        <translation>损失历史（CSV）</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source> · {rate} steps/s</source>
        <translation> · 每秒 {rate} 步</translation>
    </message>
    <message>
        <source>Epoch {epoch} · step {step} · loss {loss}</source>
        <translation>轮次 {epoch} · 第 {step} 步 · 损失 {loss}</translation>
    </message>
    <message>
        <source>– (no test set)</source>
        <translation>–（没有测试集）</translation>
    </message>
    <message>
        <source>Test loss {test} · training loss &lt;b&gt;{train}&lt;/b&gt;</source>
        <translation>测试损失 {test} · 训练损失 &lt;b&gt;{train}&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · test accuracy &lt;b&gt;{accuracy} %&lt;/b&gt;</source>
        <translation> · 测试准确率 &lt;b&gt;{accuracy} %&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>PointSet</name>
    <message>
        <source>{points:,} points but {labels:,} labels</source>
        <translation>有 {points:,} 个点，却有 {labels:,} 个标签</translation>
    </message>
    <message>
        <source>every coordinate, label and value must be a finite number</source>
        <translation>每个坐标、标签和值都必须是有限的数</translation>
    </message>
    <message>
        <source>points must lie in the view&apos;s square (coordinates within ±{half:g})</source>
        <translation>点必须位于视图的正方形内（坐标在 ±{half:g} 以内）</translation>
    </message>
    <message>
        <source>a classification set needs {least} to {most} classes, got {n}</source>
        <translation>分类数据集需要 {least} 到 {most} 个类别，得到的是 {n} 个</translation>
    </message>
    <message>
        <source>class names must be text of 1 to {most} characters, got {name}</source>
        <translation>类别名称必须是 1 到 {most} 个字符的文本，得到的是 {name}</translation>
    </message>
    <message>
        <source>class names must differ</source>
        <translation>类别名称必须各不相同</translation>
    </message>
    <message>
        <source>labels must be class numbers 0 to {last}</source>
        <translation>标签必须是 0 到 {last} 的类别编号</translation>
    </message>
    <message>
        <source>the rescaling must be two positive scales and two finite offsets</source>
        <translation>缩放必须是两个正的比例和两个有限的偏移</translation>
    </message>
    <message>
        <source>rescaled into the view: {formulas}</source>
        <translation>已缩放到视图中：{formulas}</translation>
    </message>
    <message>
        <source>a regression set has values, not classes</source>
        <translation>回归数据集只有数值，没有类别</translation>
    </message>
    <message>
        <source>the number of classes must be from {least} to {most}, got {k}</source>
        <translation>类别数必须在 {least} 到 {most} 之间，得到的是 {k}</translation>
    </message>
    <message>
        <source>the points must be a JSON object with keys x1, x2 and labels or values, got {data}</source>
        <translation>点必须是一个 JSON 对象，键为 x1、x2 以及 labels 或 values，得到的是 {data}</translation>
    </message>
    <message>
        <source>unknown points field(s) {names}</source>
        <translation>点中有未知的字段 {names}</translation>
    </message>
    <message>
        <source>the points need either labels (classes) or values (regression)</source>
        <translation>点需要 labels（类别）或 values（回归）二者之一</translation>
    </message>
    <message>
        <source>the points&apos; columns have different lengths</source>
        <translation>点的各列长度不同</translation>
    </message>
    <message>
        <source>labels must be whole class numbers</source>
        <translation>标签必须是整数的类别编号</translation>
    </message>
    <message>
        <source>class_names must be a list of names</source>
        <translation>class_names 必须是名称的列表</translation>
    </message>
    <message>
        <source>the points&apos; {what} must be a list of numbers</source>
        <translation>点的 {what} 必须是数的列表</translation>
    </message>
    <message>
        <source>at most {most:,} points, got {n:,}</source>
        <translation>最多 {most:,} 个点，得到的是 {n:,} 个</translation>
    </message>
</context>
<context>
    <name>ProgramForm</name>
    <message>
        <source>The program of this graph</source>
        <translation>这个计算图的程序</translation>
    </message>
    <message>
        <source>The program this graph is built from, one statement a line (micrograd&apos;s own, Value(…) written as a plain number)</source>
        <translation>构建这个计算图的程序，每行一条语句（micrograd 自己的程序，Value(…) 写成普通数字）</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>编辑副本</translation>
    </message>
    <message>
        <source>Open this program under &apos;Your expression&apos;, to change it and draw your version</source>
        <translation>在“你的表达式”中打开这段程序，修改后绘制你自己的版本</translation>
    </message>
</context>
<context>
    <name>RewindScrubbing</name>
    <message>
        <source>Rewinding is off while a pass is stepped through: the diagram shows the pass. Leave it (Esc, or Step through a pass again) to rewind.</source>
        <translation>逐步计算一次传播时不能倒回：网络图显示的是这次传播。离开它（Esc，或再次点“逐步计算一次传播”）后即可倒回。</translation>
    </message>
    <message>
        <source>Continuing from step {step} (epoch {epoch}): a new run from its weights, paused; Play trains on from there</source>
        <translation>从第 {step} 步（第 {epoch} 轮）继续：用它的权重开始一次新的运行，已暂停；按“播放”从那里继续训练</translation>
    </message>
    <message>
        <source>, now every {ordinal} step</source>
        <translation>，现在每 {n} 步记录一次</translation>
    </message>
    <message>
        <source>Live · recorded steps: {count}{spacing} · drag to rewind</source>
        <translation>实时 · 已记录 {count} 步{spacing}：拖动可倒回</translation>
    </message>
    <message>
        <source>training goes on</source>
        <translation>训练继续进行</translation>
    </message>
    <message>
        <source>training is paused</source>
        <translation>训练已暂停</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rewound to step {step} (epoch {epoch})&lt;/b&gt; · {going}</source>
        <translation>&lt;b&gt;已倒回到第 {step} 步（轮次 {epoch}）&lt;/b&gt; · {going}</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>At most {most} runs can be pinned: unpin one first.</source>
        <translation>最多只能固定 {most} 次运行：请先取消固定一个。</translation>
    </message>
</context>
<context>
    <name>RunsTable</name>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>90 % at</source>
        <translation>90 % 于</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Acc.</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <source>Pinned runs stay however many runs follow (at most {pinned}); of the others, the latest {unpinned} are kept</source>
        <translation>固定的运行无论之后有多少次运行都会保留（最多 {pinned} 个）；其他运行只保留最近的 {unpinned} 个</translation>
    </message>
    <message>
        <source>What the run did differently from the current run (8,8 → 4: hidden layers 8,8 where the current run has 4), or the name you gave it: double-click or F2 to rename, an empty name gives the automatic one back</source>
        <translation>这次运行与当前运行的不同之处（8,8 → 4：隐藏层为 8,8，而当前运行为 4），或你给它起的名字：双击或按 F2 重命名，名字为空时恢复自动名称</translation>
    </message>
    <message>
        <source>Steps to {percent} accuracy (test set; training set without one): the step of the first frame shown at or above it. Frames come about 30 times a second while training runs, so the run crossed it between the frame before and this step (hover a value). – for regression</source>
        <translation>达到 {percent} 准确率所用的步数（测试集；没有测试集时用训练集）：第一个达到或超过它的显示帧的步。训练时每秒约显示 30 帧，所以运行是在前一帧和这一步之间越过它的（把鼠标停在数值上查看）。回归为 –</translation>
    </message>
    <message>
        <source>Final training loss: the loss over the whole training set at the end of the run&apos;s last epoch (the end of its curve)</source>
        <translation>最终训练损失：运行最后一个轮次结束时整个训练集上的损失（曲线的终点）</translation>
    </message>
    <message>
        <source>Final test loss: the loss over the whole test set at the end of the run&apos;s last epoch (the end of its dashed curve)</source>
        <translation>最终测试损失：运行最后一个轮次结束时整个测试集上的损失（虚线曲线的终点）</translation>
    </message>
    <message>
        <source>Test accuracy: the share of test points classified right at the run&apos;s last step</source>
        <translation>测试准确率：运行最后一步时分类正确的测试集的点所占的比例</translation>
    </message>
    <message>
        <source>Training speed: the mean of the rates measured while training ran (– if it never ran: stepped by hand)</source>
        <translation>训练速度：训练进行时测得速率的平均值（从未连续训练、只手动单步时为 –）</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>{percent} {on} accuracy</source>
        <translation>{on}准确率 {percent}</translation>
    </message>
    <message>
        <source>No accuracy to measure (regression: the network predicts values)</source>
        <translation>没有准确率可测（回归：网络预测的是数值）</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>Not reached: {goal} was never shown</source>
        <translation>未达到：从未显示过{goal}</translation>
    </message>
    <message>
        <source>{goal} at step {step} or before (the run&apos;s first frame already showed it)</source>
        <translation>在第 {step} 步或更早达到{goal}（运行的第一帧就已显示）</translation>
    </message>
    <message>
        <source>{goal} reached at step {step}</source>
        <translation>在第 {step} 步达到{goal}</translation>
    </message>
    <message>
        <source>{goal} reached after step {after} and at step {step} at the latest</source>
        <translation>在第 {after} 步之后、最迟第 {step} 步达到{goal}</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>The current run is named when the next one starts</source>
        <translation>当前运行在下一次运行开始时才会命名</translation>
    </message>
    <message>
        <source>Current (run {number})</source>
        <translation>当前（运行 {number}）</translation>
    </message>
    <message>
        <source>Pinned: kept whatever runs follow</source>
        <translation>已固定：无论之后有多少次运行都保留</translation>
    </message>
    <message>
        <source>Pin this run: keep it</source>
        <translation>固定这次运行：保留它</translation>
    </message>
    <message>
        <source>The run training now (its figures follow it); it joins the earlier runs when the next one starts (Reset, other hidden layers, data, seed, ...)</source>
        <translation>正在训练的运行（数字随之更新）；下一次运行开始时（重置、改变隐藏层、数据、种子……）它加入之前的运行</translation>
    </message>
    <message>
        <source>Run {number}: {name}</source>
        <translation>运行 {number}：{name}</translation>
    </message>
    <message>
        <source> (differed: {auto})</source>
        <translation>（不同之处：{auto}）</translation>
    </message>
    <message>
        <source>{0} classes</source>
        <translation>{0} 个类别</translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation>{0} 个点</translation>
    </message>
    <message>
        <source>noise {0}</source>
        <translation>噪声 {0}</translation>
    </message>
    <message>
        <source>train {0} %</source>
        <translation>训练集 {0} %</translation>
    </message>
    <message>
        <source>data seed {0}</source>
        <translation>数据种子 {0}</translation>
    </message>
    <message>
        <source>inputs {0}</source>
        <translation>输入 {0}</translation>
    </message>
    <message>
        <source>lr {0}</source>
        <translation>学习率 {0}</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>批量 {0}</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>种子 {0}</translation>
    </message>
    <message>
        <source>run {0}</source>
        <translation>运行 {0}</translation>
    </message>
    <message>
        <source>same settings (run {0})</source>
        <translation>相同设置（运行 {0}）</translation>
    </message>
    <message>
        <source>drawn points</source>
        <translation>绘制的点</translation>
    </message>
    <message>
        <source>other points</source>
        <translation>其他点</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>no regularization</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>multi gaussian</source>
        <translation>多高斯</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>Script</name>
    <message>
        <source>there are no training points: a script would have nothing to train on</source>
        <translation>没有训练集的点：脚本将无物可训练</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>{what} must have the shapes {shapes} of this network, got {given}</source>
        <translation>{what}必须具有这个网络的形状 {shapes}，得到的是 {given}</translation>
    </message>
    <message>
        <source>every one of the {what} must be a finite number</source>
        <translation>每个{what}都必须是有限的数</translation>
    </message>
    <message>
        <source>the data&apos;s {name} holds a number that is not finite</source>
        <translation>数据的 {name} 中有一个不是有限的数</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Cannot write {path}: the network holds a number that is not finite</source>
        <translation>无法写入 {path}：网络中有一个不是有限的数</translation>
    </message>
    <message>
        <source>it is not a bpviz session file</source>
        <translation>它不是 bpviz 会话文件</translation>
    </message>
    <message>
        <source>it holds neither a playground nor a worked example</source>
        <translation>它既没有演练场，也没有计算示例</translation>
    </message>
    <message>
        <source>Cannot open {path}: {problem}</source>
        <translation>无法打开 {path}：{problem}</translation>
    </message>
    <message>
        <source>its session format version is not valid ({schema})</source>
        <translation>它的会话格式版本无效（{schema}）</translation>
    </message>
    <message>
        <source>it was saved by a newer bpviz ({saved_by}, session format {schema}; this version reads format {ours}): update bpviz to open it</source>
        <translation>它是由更新版本的 bpviz 保存的（{saved_by}，会话格式 {schema}；这个版本读取格式 {ours}）：请更新 bpviz 后再打开</translation>
    </message>
    <message>
        <source>the playground part is not valid ({error})</source>
        <translation>演练场部分无效（{error}）</translation>
    </message>
    <message>
        <source>the example part is not valid ({error})</source>
        <translation>计算示例部分无效（{error}）</translation>
    </message>
    <message>
        <source>{what} is not an object</source>
        <translation>{what}不是一个对象</translation>
    </message>
    <message>
        <source>{what} has unknown field(s) {names}</source>
        <translation>{what}中有未知的字段 {names}</translation>
    </message>
    <message>
        <source>{what} must hold numbers only, got {value}</source>
        <translation>{what}只能包含数，得到的是 {value}</translation>
    </message>
    <message>
        <source>the weights do not fit the layers: {what} must be {shape} numbers</source>
        <translation>权重与各层不符：{what}必须是 {shape} 个数</translation>
    </message>
    <message>
        <source>{what}: a number is too large for a float64</source>
        <translation>{what}：有一个数对 float64 来说太大</translation>
    </message>
    <message>
        <source>the playground part</source>
        <translation>演练场部分</translation>
    </message>
    <message>
        <source>the playground&apos;s training settings are missing</source>
        <translation>缺少演练场的训练设置</translation>
    </message>
    <message>
        <source>the training settings are not valid: {problem}</source>
        <translation>训练设置无效：{problem}</translation>
    </message>
    <message>
        <source>the network&apos;s weights</source>
        <translation>网络的权重</translation>
    </message>
    <message>
        <source>the network&apos;s weights and biases must be lists of layers</source>
        <translation>网络的权重和偏置必须是按层组成的列表</translation>
    </message>
    <message>
        <source>the network needs {n} weight and bias layers, the file has {weights:,} and {biases:,}</source>
        <translation>网络需要 {n} 层权重和偏置，文件中有 {weights:,} 层权重和 {biases:,} 层偏置</translation>
    </message>
    <message>
        <source>the weights of layer {k}</source>
        <translation>第 {k} 层的权重</translation>
    </message>
    <message>
        <source>the biases of layer {k}</source>
        <translation>第 {k} 层的偏置</translation>
    </message>
    <message>
        <source>the step count</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>the epoch count</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>the loss history</source>
        <translation>损失历史</translation>
    </message>
    <message>
        <source>the loss history&apos;s steps</source>
        <translation>损失历史的步数</translation>
    </message>
    <message>
        <source>the loss history&apos;s epochs</source>
        <translation>损失历史的轮次</translation>
    </message>
    <message>
        <source>the loss history&apos;s train loss</source>
        <translation>损失历史的训练损失</translation>
    </message>
    <message>
        <source>the loss history&apos;s test loss</source>
        <translation>损失历史的测试损失</translation>
    </message>
    <message>
        <source>the loss history&apos;s columns have different lengths</source>
        <translation>损失历史的各列长度不同</translation>
    </message>
    <message>
        <source>the loss history&apos;s steps go backwards</source>
        <translation>损失历史的步数在倒退</translation>
    </message>
    <message>
        <source>the loss history&apos;s epochs do not increase</source>
        <translation>损失历史的轮次没有递增</translation>
    </message>
    <message>
        <source>{what} must be a list of whole numbers</source>
        <translation>{what}必须是整数的列表</translation>
    </message>
    <message>
        <source>{what} must be whole numbers from 0 to {most}</source>
        <translation>{what}必须是 0 到 {most} 的整数</translation>
    </message>
    <message>
        <source>{what} must be a list of numbers</source>
        <translation>{what}必须是数的列表</translation>
    </message>
    <message>
        <source>{what} holds a number too large for a float64</source>
        <translation>{what}中有一个数对 float64 来说太大</translation>
    </message>
    <message>
        <source>the worked example part</source>
        <translation>计算示例部分</translation>
    </message>
    <message>
        <source>the worked example&apos;s update_biases must be true or false, got {value}</source>
        <translation>计算示例的 update_biases 必须是 JSON 布尔值，得到的是 {value}</translation>
    </message>
    <message>
        <source>the worked example&apos;s numbers are not valid: {problem}</source>
        <translation>计算示例的数值无效：{problem}</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>regularization rate</source>
        <translation>正则化率</translation>
    </message>
</context>
<context>
    <name>ShoppingForm</name>
    <message>
        <source>Price of one jacket</source>
        <translation>一件夹克的价格</translation>
    </message>
    <message>
        <source>Jackets bought</source>
        <translation>买的夹克件数</translation>
    </message>
    <message>
        <source>Price of one pair of trousers</source>
        <translation>一条裤子的价格</translation>
    </message>
    <message>
        <source>Pairs of trousers bought</source>
        <translation>买的裤子条数</translation>
    </message>
    <message>
        <source>The factor paid: 30 % off means 0.7</source>
        <translation>支付系数：打七折（减 30 %）即 0.7</translation>
    </message>
    <message>
        <source>Jacket: price</source>
        <translation>夹克：价格</translation>
    </message>
    <message>
        <source>Trousers: price</source>
        <translation>裤子：价格</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Factor paid</source>
        <translation>支付系数</translation>
    </message>
    <message>
        <source>(0.7 = 30 % off)</source>
        <translation>（0.7 = 减 30 %）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SigmoidForm</name>
    <message>
        <source>The sigmoid&apos;s input x (−10 to 10)</source>
        <translation>sigmoid 的输入 x（−10 到 10）</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
</context>
<context>
    <name>SoftmaxForm</name>
    <message>
        <source>an empty entry</source>
        <translation>一个空项</translation>
    </message>
    <message>
        <source>{what}: {shown} is not a number; write e.g. 0.3, 2.9, 4.0</source>
        <translation>{what}：{shown} 不是数字；请写成例如 0.3, 2.9, 4.0</translation>
    </message>
    <message>
        <source>{what}: {shown} is not a finite number</source>
        <translation>{what}：{shown} 不是有限的数</translation>
    </message>
    <message>
        <source>2 to {n} scores a1, a2, ... separated by commas (Enter to apply)</source>
        <translation>2 到 {n} 个得分 a1, a2, ...，用逗号分隔（按 Enter 应用）</translation>
    </message>
    <message>
        <source>The target of each class: one-hot (0, 0, 1) or probabilities adding up to 1</source>
        <translation>每个类别的目标值：独热编码 (0, 0, 1) 或总和为 1 的概率</translation>
    </message>
    <message>
        <source>Scores a</source>
        <translation>得分 a</translation>
    </message>
    <message>
        <source>Targets t</source>
        <translation>目标 t</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>StepNote</name>
    <message>
        <source>bce</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>softmax_ce</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>the layer of {n} neurons at once: row vector × matrix ({W}: {rows} × {cols}), then each neuron&apos;s own steps</source>
        <translation>一次算出整层 {n} 个神经元：行向量 × 矩阵（{W}：{rows} × {cols}），然后是每个神经元各自的步骤</translation>
    </message>
    <message>
        <source>the layer of {n} neurons at once (⊙: neuron by neuron), then each neuron&apos;s own steps</source>
        <translation>一次算出整层 {n} 个神经元（⊙：逐个神经元相乘），然后是每个神经元各自的步骤</translation>
    </message>
    <message>
        <source>sample 1 of the batch of {n}: the batch&apos;s loss is its samples&apos; mean</source>
        <translation>{n} 个样本的批量中的第 1 个样本：批量的损失是各样本损失的平均值</translation>
    </message>
    <message>
        <source>sample 1 of the batch of {n}: the batch&apos;s loss is its samples&apos; sum</source>
        <translation>{n} 个样本的批量中的第 1 个样本：批量的损失是各样本损失的总和</translation>
    </message>
    <message>
        <source>with {loss} on a {activation} output, ∂E/∂{out} · ∂{out}/∂{net} simplifies to {out} − {target}</source>
        <translation>{loss} 配合 {activation} 输出时，∂E/∂{out} · ∂{out}/∂{net} 化简为 {out} − {target}</translation>
    </message>
    <message>
        <source>the loss of the batch of {n}: the mean of its samples&apos; losses</source>
        <translation>{n} 个样本的批量的损失：各样本损失的平均值</translation>
    </message>
    <message>
        <source>the loss of the batch of {n}: the sum of its samples&apos; losses</source>
        <translation>{n} 个样本的批量的损失：各样本损失的总和</translation>
    </message>
</context>
<context>
    <name>StepTree</name>
    <message>
        <source>Quantity</source>
        <translation>量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click a step to jump to it; the arrow keys step through the pass</source>
        <translation>点击某一步可跳到该步；方向键逐步前进或后退</translation>
    </message>
</context>
<context>
    <name>StepperPanel</name>
    <message>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Previous step (Left arrow)</source>
        <translation>上一步（左方向键）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step: compute the next quantity (Right arrow)</source>
        <translation>下一步：计算下一个量（右方向键）</translation>
    </message>
    <message>
        <source>Run whole pass</source>
        <translation>整次传播</translation>
    </message>
    <message>
        <source>Run whole pass: show every step at once (End or Ctrl+Return)</source>
        <translation>运行整次传播：一次显示所有步骤（End 或 Ctrl+Return）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Reset: back to before the first step (Home)</source>
        <translation>重置：回到第一步之前（Home）</translation>
    </message>
    <message>
        <source>Steps of the pass</source>
        <translation>这次传播的各步</translation>
    </message>
    <message>
        <source>Up and Down move to the previous or next step</source>
        <translation>↑ 和 ↓ 移到上一步或下一步</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;No example loaded&lt;/b&gt;</source>
        <translation>&lt;b&gt;未加载示例&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 0 of {n}&lt;/b&gt; · nothing computed yet</source>
        <translation>&lt;b&gt;第 0 步，共 {n} 步&lt;/b&gt; · 尚未计算任何量</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {k} of {n}&lt;/b&gt; · {phase}</source>
        <translation>&lt;b&gt;第 {k} 步，共 {n} 步&lt;/b&gt; · {phase}</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Next&lt;/b&gt; (→) to compute {name}, the first quantity of the {phase}.</source>
        <translation>按 &lt;b&gt;下一步&lt;/b&gt;（→）计算 {name}，这是{phase}的第一个量。</translation>
    </message>
    <message>
        <source>Run whole pass (End) shows every step at once.</source>
        <translation>“整次传播”（End）一次显示所有步骤。</translation>
    </message>
    <message>
        <source>That was the last step of the pass. Apply the update (Ctrl+N) to start the next pass from w⁺, or Reset (Home) to step through this one again.</source>
        <translation>这是本次传播的最后一步。应用更新（Ctrl+N）从 w⁺ 开始下一次传播，或者重置（Home）再走一遍这次传播。</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The theme changes when bpviz starts again.</source>
        <translation>主题将在下次启动 bpviz 时生效。</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Draw the window in this colour scheme from the next start of bpviz</source>
        <translation>从下次启动 bpviz 起，用这种配色绘制窗口</translation>
    </message>
</context>
<context>
    <name>Trace</name>
    <message>
        <source>a trace needs samples of {n_in} inputs and {n_out} targets, as many targets as inputs; got inputs {inputs} and targets {targets}</source>
        <translation>逐步计算需要每个样本有 {n_in} 个输入和 {n_out} 个目标值，目标值与输入一样多；实际输入为 {inputs}，目标值为 {targets}</translation>
    </message>
    <message>
        <source>the learning rate must be &gt; 0, got {lr}</source>
        <translation>学习率必须 &gt; 0，实际为 {lr}</translation>
    </message>
</context>
<context>
    <name>TrainConfig</name>
    <message>
        <source>the data set must be a DatasetSpec, got {value}</source>
        <translation>数据集必须是一个 DatasetSpec，实际为 {value}</translation>
    </message>
    <message>
        <source>{k} classes need a softmax output: use the loss {losses} ({words}), not {loss}</source>
        <translation>{k} 个类别需要 softmax 输出：请使用损失 {losses}（{words}），而不是 {loss}</translation>
    </message>
    <message>
        <source>loss {loss} ({words}) is for classification, but {dataset} is a regression data set (a value per point, not a class): use {losses} (squared error with a linear output)</source>
        <translation>损失 {loss}（{words}）用于分类，但{dataset}是回归数据集（每个点一个数值，而不是一个类别）：请使用 {losses}（线性输出的平方误差）</translation>
    </message>
    <message>
        <source>batch size must be a whole number from 1 to {max} (0 = full batch), got {value}</source>
        <translation>批量大小必须是 1 到 {max} 之间的整数（0 = 全批量），实际为 {value}</translation>
    </message>
    <message>
        <source>regularization rate must be 0 or at least {min:g}, got {value}</source>
        <translation>正则化率必须为 0 或至少为 {min:g}，实际为 {value}</translation>
    </message>
    <message>
        <source>the training configuration must be a JSON object</source>
        <translation>训练配置必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>unknown configuration key(s): {keys}</source>
        <translation>未知的配置键：{keys}</translation>
    </message>
    <message>
        <source>hidden must be a list</source>
        <translation>隐藏层必须是一个列表</translation>
    </message>
    <message>
        <source>features must be a list</source>
        <translation>特征必须是一个列表</translation>
    </message>
    <message>
        <source>hidden layers must be a list of neuron counts, got {value}</source>
        <translation>隐藏层必须是由神经元个数组成的列表，实际为 {value}</translation>
    </message>
    <message>
        <source>hidden layers: at most {layers} layers of 1 to {width} neurons, got {value}</source>
        <translation>隐藏层：最多 {layers} 层，每层 1 到 {width} 个神经元，实际为 {value}</translation>
    </message>
    <message>
        <source>features must be a list of names, got {value}</source>
        <translation>特征必须是由名称组成的列表，实际为 {value}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training diverged: the loss became infinite or NaN with learning rate {lr}. Stopped at epoch {epoch}, the last finite state, which is shown. Lower the learning rate, then press Reset.</source>
        <translation>训练发散了：学习率为 {lr} 时，损失变成了无穷大或 NaN。训练停在第 {epoch} 轮，即最后一个有限的状态（图中显示的就是它）。请降低学习率，然后按“重置”。</translation>
    </message>
</context>
<context>
    <name>TrajectoriesPage</name>
    <message>
        <source>Single neuron (seed 001)</source>
        <translation>单个神经元（第 001 篇）</translation>
    </message>
    <message>
        <source>Batch, mini-batch and stochastic gradient descent of one neuron, side by side; x axis: epochs</source>
        <translation>一个神经元的批量、小批量和随机梯度下降并排对照；横轴：轮数</translation>
    </message>
    <message>
        <source>Playground network</source>
        <translation>演练场的网络</translation>
    </message>
    <message>
        <source>The Training playground&apos;s network as it trains: the ticked weights and biases and their gradients</source>
        <translation>训练中的“训练演练场”网络：勾选的权重、偏置及其梯度</translation>
    </message>
    <message>
        <source>What to follow: seed 001&apos;s single neuron trained three ways, or the network on the Training playground tab</source>
        <translation>跟踪什么：第 001 篇中以三种方式训练的单个神经元，或“训练演练场”标签页上的网络</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train the single neuron three ways with the settings on the left (Ctrl+Enter)</source>
        <translation>用左侧的设置以三种方式训练单个神经元 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source&lt;/b&gt;</source>
        <translation>&lt;b&gt;来源&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Parameter trajectories: batch, mini-batch, stochastic</source>
        <translation>参数轨迹：批量、小批量、随机</translation>
    </message>
    <message>
        <source>Parameter trajectories: playground values</source>
        <translation>参数轨迹：演练场的参数值</translation>
    </message>
    <message>
        <source>Parameter trajectories: playground gradients</source>
        <translation>参数轨迹：演练场的梯度</translation>
    </message>
</context>
<context>
    <name>Warmup</name>
    <message>
        <source>{name} must be a whole number from 1 to {most:,}, got {value!r}</source>
        <translation>{name} 必须是 1 到 {most:,} 之间的整数，而给出的是 {value!r}</translation>
    </message>
    <message>
        <source>x or w1 would hold {largest:,} numbers; at most {most:,} fit comfortably</source>
        <translation>x 或 w1 将有 {largest:,} 个数；为了不耗尽内存，最多允许 {most:,} 个</translation>
    </message>
    <message>
        <source>the input batch: N samples of D_in features</source>
        <translation>输入的批量：N 个样本，每个样本 D_in 个特征</translation>
    </message>
    <message>
        <source>first-layer weights W1</source>
        <translation>第一层的权重 W1</translation>
    </message>
    <message>
        <source>hidden layer before the ReLU: x·W1</source>
        <translation>隐藏层，ReLU 之前：x·W1</translation>
    </message>
    <message>
        <source>hidden layer after the ReLU: max(h, 0)</source>
        <translation>隐藏层，ReLU 之后：max(h, 0)</translation>
    </message>
    <message>
        <source>second-layer weights W2</source>
        <translation>第二层的权重 W2</translation>
    </message>
    <message>
        <source>the prediction ŷ = h_relu·W2</source>
        <translation>预测值 ŷ = h_relu·W2</translation>
    </message>
    <message>
        <source>the targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>L = Σ (ŷ − y)², one number</source>
        <translation>L = Σ (ŷ − y)²，一个数</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>Each row of x (one sample) times W1: the D_in inputs of a sample become H hidden values.</source>
        <translation>x 的每一行（一个样本）乘以 W1：一个样本的 D_in 个输入变成 H 个隐藏值。</translation>
    </message>
    <message>
        <source>The ReLU acts entry by entry, so the shape does not change.</source>
        <translation>ReLU 逐元素作用，所以形状不变。</translation>
    </message>
    <message>
        <source>H hidden values per sample become D_out outputs.</source>
        <translation>每个样本的 H 个隐藏值变成 D_out 个输出。</translation>
    </message>
    <message>
        <source>The squared Frobenius norm ‖ŷ − y‖²: the sum over all N×D_out entries, one number.</source>
        <translation>F 范数（弗罗贝尼乌斯范数）的平方 ‖ŷ − y‖²：对全部 N×D_out 个元素求和，得到一个数。</translation>
    </message>
    <message>
        <source>The rule behind every gradient line: when dL = tr(Aᵀ dX), then ∂L/∂X = A, a matrix of X&apos;s shape. Here dL = tr(2(ŷ − y)ᵀ dŷ), so ∂L/∂ŷ = 2(ŷ − y).</source>
        <translation>每一行求梯度的代码都依据这条规则：若 dL = tr(Aᵀ dX)，则 ∂L/∂X = A，它是与 X 形状相同的矩阵。这里 dL = tr(2(ŷ − y)ᵀ dŷ)，所以 ∂L/∂ŷ = 2(ŷ − y)。</translation>
    </message>
    <message>
        <source>dŷ = h_relu·d&#x2009;W2 gives dL = tr((∂L/∂ŷ)ᵀ h_relu d&#x2009;W2) = tr((h_reluᵀ ∂L/∂ŷ)ᵀ d&#x2009;W2): the gradient is h_reluᵀ·∂L/∂ŷ, and it has W2&apos;s shape. The transpose sums over the N samples.</source>
        <translation>由 dŷ = h_relu·d&#x2009;W2 得 dL = tr((∂L/∂ŷ)ᵀ h_relu d&#x2009;W2) = tr((h_reluᵀ ∂L/∂ŷ)ᵀ d&#x2009;W2)：梯度是 h_reluᵀ·∂L/∂ŷ，形状与 W2 相同。转置让乘积对 N 个样本求和。</translation>
    </message>
    <message>
        <source>dŷ = d&#x2009;h_relu·W2 gives dL = tr(W2 (∂L/∂ŷ)ᵀ d&#x2009;h_relu) = tr((∂L/∂ŷ W2ᵀ)ᵀ d&#x2009;h_relu): the gradient is ∂L/∂ŷ·W2ᵀ, with h_relu&apos;s shape.</source>
        <translation>由 dŷ = d&#x2009;h_relu·W2 得 dL = tr(W2 (∂L/∂ŷ)ᵀ d&#x2009;h_relu) = tr((∂L/∂ŷ W2ᵀ)ᵀ d&#x2009;h_relu)：梯度是 ∂L/∂ŷ·W2ᵀ，形状与 h_relu 相同。</translation>
    </message>
    <message>
        <source>max(h, 0) passes a change of h where h ≥ 0 and blocks it where h &lt; 0: an entry-by-entry mask.</source>
        <translation>max(h, 0) 在 h ≥ 0 处让 h 的变化通过，在 h &lt; 0 处把它挡住：这是一个逐元素的掩码。</translation>
    </message>
    <message>
        <source>The same argument as for W2, one layer down: d&#x2009;h = x·d&#x2009;W1, so the gradient is xᵀ·∂L/∂h, with W1&apos;s shape.</source>
        <translation>与 W2 的推导相同，只是往下一层：d&#x2009;h = x·d&#x2009;W1，所以梯度是 xᵀ·∂L/∂h，形状与 W1 相同。</translation>
    </message>
    <message>
        <source>A step against the gradient; it has W1&apos;s shape, so the subtraction is entry by entry.</source>
        <translation>沿梯度的反方向走一步；梯度与 W1 形状相同，所以减法逐元素进行。</translation>
    </message>
    <message>
        <source>Both updates use the gradients of the same pass (W2 is not updated before ∂L/∂W1 is formed).</source>
        <translation>两次更新用的都是同一次传播的梯度（在 ∂L/∂W1 算出之前，W2 没有被更新）。</translation>
    </message>
    <message>
        <source>{what}: inner dimensions differ ({left})·({right})</source>
        <translation>{what}：内侧的维数不相等 ({left})·({right})</translation>
    </message>
    <message>
        <source>{what}: entry-by-entry operation on different shapes {shapes}</source>
        <translation>{what}：对形状不同的数组做逐元素运算 {shapes}</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, but {dims} is {expected}</source>
        <translation>{name} 的形状是 {shape}，但 {dims} 应为 {expected}</translation>
    </message>
    <message>
        <source>{key}: the formula gives ({numbers}) = ({symbols}), the pass computed ({actual})</source>
        <translation>{key}：按公式推算的形状是 ({numbers}) = ({symbols})，而这次传播算出的是 ({actual})</translation>
    </message>
    <message>
        <source>cannot compare {left} losses with {right}</source>
        <translation>无法比较形状为 {left} 和 {right} 的两组损失</translation>
    </message>
</context>
<context>
    <name>WarmupLossCurve</name>
    <message>
        <source>The loss printed at each iteration (log scale). Wheel or drag to zoom; the small &apos;A&apos; button (bottom left) fits the whole run again</source>
        <translation>每次迭代打印的损失（对数刻度）。滚轮或拖动可缩放；左下角的小 “A” 按钮重新显示整个训练过程</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>iteration t</source>
        <translation>迭代 t</translation>
    </message>
</context>
<context>
    <name>WarmupPage</name>
    <message>
        <source>How many iterations Train runs (the seed: 500)</source>
        <translation>“训练”运行多少次迭代（原文：500）</translation>
    </message>
    <message>
        <source>Seed of the random x, y, w1 and w2 (drawn in the seed&apos;s order); a new seed resets</source>
        <translation>随机生成 x、y、w1 和 w2 的随机种子（按原文的顺序生成）；换一个随机种子会重置</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train up to the iterations asked for, then check against the seed&apos;s own loop (Space)</source>
        <translation>训练到指定的迭代次数，然后与原文自己的循环对照 （空格键）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>暂停训练 （空格键）</translation>
    </message>
    <message>
        <source>Train / pause</source>
        <translation>训练 / 暂停</translation>
    </message>
    <message>
        <source>Train or pause (Space)</source>
        <translation>训练或暂停 （空格键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to iteration 0 with the arrays of the seed field (Ctrl+R)</source>
        <translation>回到第 0 次迭代，使用随机种子框给出的数组 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Previous line</source>
        <translation>上一行</translation>
    </message>
    <message>
        <source>Previous line of the code (← or ↑)</source>
        <translation>代码的上一行（← 或 ↑）</translation>
    </message>
    <message>
        <source>Next line</source>
        <translation>下一行</translation>
    </message>
    <message>
        <source>Next line of the code (→ or ↓)</source>
        <translation>代码的下一行（→ 或 ↓）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The seed&apos;s code&lt;/b&gt;, line by line</source>
        <translation>&lt;b&gt;原文代码&lt;/b&gt;，逐行</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt;</source>
        <translation>&lt;b&gt;训练&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>{block} is data: no line of the code writes it (it comes from np.random.randn)</source>
        <translation>{block} 是数据：没有哪行代码写入它（它来自 np.random.randn）</translation>
    </message>
    <message>
        <source>New data and weights from seed {seed}: back to iteration 0</source>
        <translation>由随机种子 {seed} 生成新的数据和权重：回到第 0 次迭代</translation>
    </message>
    <message>
        <source> · loss at t = {t:,}: &lt;b&gt;{loss:.6e}&lt;/b&gt;</source>
        <translation> · t = {t:,} 时的损失：&lt;b&gt;{loss:.6e}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Updates {k:,} of {total:,}</source>
        <translation>已更新 {k:,} / {total:,} 次</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;Train runs the seed&apos;s loop: the loss printed at iteration t is computed before update t. The table&apos;s values are those of the current weights.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;“训练”运行原文的循环：第 t 次迭代打印的损失是在第 t 次更新之前算出的。表中的数值是当前权重下的数值。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;Training…&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;正在训练……&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;Running the seed&apos;s own loop from the same arrays: {checked:,} of {k:,} iterations…&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;正在用相同的数组运行原文自己的循环：{checked:,} / {k:,} 次迭代……&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;The loss stopped being finite at iteration {t:,}: training diverged. Press Reset.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;损失在第 {t:,} 次迭代时不再是有限值：训练发散了。请按“重置”。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;Paused at iteration {k:,}. Train goes on.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;已在第 {k:,} 次迭代暂停。按“训练”继续。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;&lt;b&gt;✓ the same losses&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;&lt;b&gt;✓ 损失相同&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{color}&apos;&gt;&lt;b&gt;different losses&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{color}&apos;&gt;&lt;b&gt;损失不同&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Final loss (t = {t:,}): &lt;b&gt;{loss:.6e}&lt;/b&gt;. The seed&apos;s own loop from the same arrays printed &lt;b&gt;{seed_loss:.6e}&lt;/b&gt;: {mark} (largest relative difference {difference:.1e} over {checked:,} iterations).</source>
        <translation>最终损失（t = {t:,}）：&lt;b&gt;{loss:.6e}&lt;/b&gt;。原文自己的循环从相同的数组出发打印出 &lt;b&gt;{seed_loss:.6e}&lt;/b&gt;：{mark}（{checked:,} 次迭代中最大的相对差异为 {difference:.1e}）。</translation>
    </message>
    <message>
        <source>Trained {k:,} iterations: loss {loss:.6e}; the seed&apos;s own loop: {verdict}</source>
        <translation>已训练 {k:,} 次迭代：损失 {loss:.6e}；与原文自己的循环相比：{verdict}</translation>
    </message>
    <message>
        <source>the same losses</source>
        <translation>损失相同</translation>
    </message>
    <message>
        <source>different losses</source>
        <translation>损失不同</translation>
    </message>
    <message>
        <source>Not trained yet · Train runs {n:,} iterations</source>
        <translation>尚未训练 · “训练”将运行 {n:,} 次迭代</translation>
    </message>
    <message>
        <source>Iteration {k:,} · loss {loss:.4g}</source>
        <translation>第 {k:,} 次迭代 · 损失 {loss:.4g}</translation>
    </message>
    <message>
        <source>NumPy warm-up: matrix blocks</source>
        <translation>NumPy 热身：矩阵块</translation>
    </message>
    <message>
        <source>NumPy warm-up: loss curve</source>
        <translation>NumPy 热身：损失曲线</translation>
    </message>
</context>
<context>
    <name>ZoomableView</name>
    <message>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <source>Fit the graph to the view (0). The wheel zooms about the pointer, + and − zoom, dragging the background pans</source>
        <translation>让计算图适配视图 (0)。滚轮以指针为中心缩放，+ 和 − 缩放，拖动背景可平移</translation>
    </message>
</context>
<context>
    <name>_LayerColumn</name>
    <message>
        <source>Hidden layer {n} has {width} neurons</source>
        <translation>隐藏层 {n} 有 {width} 个神经元</translation>
    </message>
    <message>
        <source>Hidden layer {n} has {width} neuron</source>
        <translation>隐藏层 {n} 有 {width} 个神经元</translation>
    </message>
    <message>
        <source>Hidden layer {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
    <message>
        <source>Add a neuron to hidden layer {n}</source>
        <translation>给隐藏层 {n} 添加一个神经元</translation>
    </message>
    <message>
        <source>Hidden layer {n} has the maximum of {max} neurons</source>
        <translation>隐藏层 {n} 已达到最多 {max} 个神经元</translation>
    </message>
    <message>
        <source>Remove a neuron from hidden layer {n}</source>
        <translation>从隐藏层 {n} 删除一个神经元</translation>
    </message>
    <message>
        <source>A layer needs at least one neuron: remove the layer instead</source>
        <translation>一层至少需要一个神经元：请改为删除这一层</translation>
    </message>
</context>
</TS>
