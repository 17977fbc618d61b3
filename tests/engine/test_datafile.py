"""bpviz.datafile without Qt: CSV files in and out. What bpviz writes reads back as the very same PointSet; every
way a file can be wrong is one sentence naming the file and the line (1-based, as an editor numbers lines)."""

import numpy as np
import pytest

from bpviz.datafile import DataFileError, parse_points, points_csv, read_points, write_points
from bpviz.engine.points import MAX_POINTS, PointSet
from bpviz.files import FileError

RNG = np.random.default_rng(14)
VIEW_POINTS = RNG.uniform(-1.5, 1.5, (60, 2))


def round_trip(points: PointSet) -> PointSet:
    back = parse_points(points_csv(points), "x.csv")
    assert back == points, points_csv(points)[:500]
    return back


def refusal(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        parse_points(text, "data.csv")
    message = str(info.value)
    assert message.startswith("Cannot import data.csv: ") and "\n" not in message
    return message


def rows(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------ round trips
def test_classes_with_default_names_round_trip_as_a_plain_file():
    points = PointSet(VIEW_POINTS, RNG.integers(0, 3, 60), class_names=("0", "1", "2"))
    text = points_csv(points)
    assert text.startswith("x1,x2,label\n")  # nothing but the header and the points
    x1, x2 = VIEW_POINTS[0].tolist()
    assert text.splitlines()[1] == f"{x1!r},{x2!r},{int(points.y[0])}"
    round_trip(points)


def test_named_classes_with_a_comma_a_quote_and_blanks_round_trip():
    names = ("red", 'a "quoted", name', "  blanks ", "semi;colon")
    points = PointSet(VIEW_POINTS, RNG.integers(0, 4, 60), class_names=names)
    back = round_trip(points)
    assert back.class_names == names and back.class_counts() == points.class_counts()


def test_names_in_order_of_first_appearance_need_no_list():
    points = PointSet(VIEW_POINTS[:4], [0, 1, 1, 0], class_names=("cat", "dog"))
    assert "# bpviz classes" not in points_csv(points)
    round_trip(points)


def test_classes_out_of_order_or_without_points_are_listed():
    unordered = PointSet(VIEW_POINTS[:4], [1, 0, 1, 0], class_names=("cat", "dog"))
    assert '# bpviz classes: ["cat", "dog"]' in points_csv(unordered)
    round_trip(unordered)
    empty_class = PointSet(VIEW_POINTS[:4], [0, 1, 1, 0], class_names=("0", "1", "2"))  # class 2 not drawn yet
    assert round_trip(empty_class).n_classes == 3


def test_regression_values_round_trip():
    values = np.concatenate([RNG.normal(size=58), [-0.0, 1e-300]])
    points = PointSet(VIEW_POINTS, values, regression=True)
    assert points_csv(points).startswith("x1,x2,value\n")
    round_trip(points)


def test_rescaled_data_round_trips_raw_coordinates_and_map():
    raw = RNG.uniform([100, -5000], [300, 2000], (80, 2))
    text = "x1,x2,label\n" + "".join(f"{a!r},{b!r},{k}\n" for (a, b), k in zip(raw.tolist(), RNG.integers(0, 2, 80)))
    points = parse_points(text, "big.csv")
    assert points.rescaled and np.abs(points.X).max() <= 1.0 + 1e-12
    assert np.allclose(points.to_raw(points.X), raw, rtol=1e-12)
    assert points.rescaling_text().startswith("rescaled into the view: x1′ = ")
    back = round_trip(points)
    assert back.scale == points.scale and back.offset == points.offset


def test_points_added_to_a_rescaled_set_keep_its_map():
    raw = RNG.uniform(100, 300, (50, 2))
    text = "x1,x2,label\n" + "".join(f"{a!r},{b!r},{k % 2}\n" for k, (a, b) in enumerate(raw.tolist()))
    points = parse_points(text, "big.csv").with_points([[1.4, -1.4], [0.0, 0.0]], 1)  # beyond the file's range
    back = parse_points(points_csv(points), "x.csv")
    assert (back.scale, back.offset, back.class_names) == (points.scale, points.offset, points.class_names)
    assert np.array_equal(back.y, points.y)
    # a drawn point may lie where no raw float64 maps exactly: it comes back as near as the raw floats allow
    # (here a raw step of 2.8e-14 is 3e-16 in the view)
    assert np.abs(back.X - points.X).max() <= 1e-15


def test_a_file_written_and_read_through_the_file_system(tmp_path):
    points = PointSet(VIEW_POINTS, RNG.integers(0, 2, 60), class_names=("no", "yes"))
    target = write_points(tmp_path / "points.csv", points)
    assert read_points(target) == points
    assert sorted(p.name for p in tmp_path.iterdir()) == ["points.csv"]  # no temporary file left


# ------------------------------------------------------------------------------------------------ liberal reading
def test_without_a_header_whole_numbers_are_classes_and_others_values():
    classes = parse_points(rows("0.1,0.2,0", "0.3,0.4,2"), "d.csv")
    assert not classes.regression and classes.class_names == ("0", "1", "2") and classes.y.tolist() == [0, 2]
    values = parse_points(rows("0.1,0.2,0", "0.3,0.4,2.5"), "d.csv")
    assert values.regression and values.y.tolist() == [0.0, 2.5]
    named = parse_points(rows("0.1,0.2,setosa", "0.3,0.4,virginica", "0.5,0.6,setosa"), "d.csv")
    assert named.class_names == ("setosa", "virginica") and named.y.tolist() == [0, 1, 0]


@pytest.mark.parametrize("word,regression", [("label", False), ("Class", False), ("LABELS", False),
                                             ("value", True), ("Target", True), ("y", True)])
def test_the_header_names_the_third_column(word, regression):
    points = parse_points(rows(f"x,y,{word}", "0.1,0.2,0", "0.3,0.4,1"), "d.csv")
    assert points.regression == regression


def test_a_header_of_other_names_lets_the_column_decide():
    points = parse_points(rows("sepal,petal,species", "0.1,0.2,a", "0.3,0.4,b"), "d.csv")
    assert points.class_names == ("a", "b")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter(delimiter):
    text = rows(*(delimiter.join(r) for r in (("x1", "x2", "label"), ("0.5", "-0.25", "red"), ("1", "0", "blue"))))
    points = parse_points(text, "d.csv")
    assert points.X.tolist() == [[0.5, -0.25], [1.0, 0.0]] and points.class_names == ("red", "blue")


def test_comments_blank_lines_bom_crlf_and_spaces_are_skipped():
    text = "\ufeff# exported by hand\r\n\r\nx1, x2, label\r\n  0.5, 0.25, red \r\n# a note\r\n-0.5, 0, blue\r\n\r\n"
    points = parse_points(text, "d.csv")
    assert points.class_names == ("red", "blue") and len(points) == 2


def test_a_name_in_quotes_may_hold_a_line_break():
    points = parse_points(rows("x1,x2,label", '0.1,0.2,"two\nlines"', "0.3,0.4,b"), "d.csv")
    assert points.class_names == ("two\nlines", "b")


def test_integer_labels_need_not_all_appear():
    points = parse_points(rows("0.1,0.2,0", "0.3,0.4,3"), "d.csv")
    assert points.class_names == ("0", "1", "2", "3") and points.class_counts() == [1, 0, 0, 1]


# ------------------------------------------------------------------------------------------------ refusals
@pytest.mark.parametrize("text,expected", [
    ("", "the file holds no points"),
    ("# only\n\n# comments\n", "the file holds no points (only comments)"),
    ("x1,x2,label\n", "the file holds no points (only a header)"),
    (rows("x1,x2,label", "0.1,0.2,0", "0.3,0.4,1", "0.5,0.6,1", "0.7,0.8,0", "0.1,0.2,1", "0.5,0.5"),
     "line 7 has 2 columns, expected 3 (x1, x2, label)"),
    (rows("x1,x2,value", "0.1,0.2,0.3,0.4"), "line 2 has 4 columns, 1 more than the 3 expected (x1, x2, value)"),
    (rows("0.5"), "line 1 has 1 column, expected 3 (x1, x2 and a label or value), separated by commas, "
                  "semicolons or tabs"),
    (rows("x1,x2", "0.1,0.2"), "line 1 (the header) has 2 columns, expected 3 (x1, x2 and a label or value)"),
    (rows("x1,x2,label", "0.1,abc,1"), "line 2 has the text 'abc' where its x2 (a number) belongs"),
    (rows("x1,x2,label", "", "0.1,0.2,0", "nan,0.2,1"),
     "line 4 has x1 'nan'; every coordinate must be a finite number"),
    (rows("x1,x2,label", "0.1,-inf,1"), "line 2 has x2 '-inf'; every coordinate must be a finite number"),
    (rows("x1,x2,label", "0.1,1e999,1"), "line 2 has x2 1e999, beyond the range of float64 numbers (about ±1.8e308)"),
    (rows("x1,x2,value", "0.1,0.2,lots"), "line 2 has the text 'lots' where its value (a number) belongs"),
    (rows("x1,x2,label", "0.1,0.2,1", "0.3,0.4,1"),
     "every point (lines 2 to 3) is of class '1'; a data set needs points of at least 2 classes"),
    (rows("x1,x2,label", "0.1,0.2,0", "0.3,0.4,6"),
     "line 3 has class 6, but a data set has at most 6 classes (0 to 5)"),
    (rows("x1,x2,label", *(f"0.1,0.2,c{k}" for k in range(7))),
     "line 8 has a 7th class, 'c6'; a data set has at most 6 classes (c0, c1, c2, c3, c4, c5)"),
    (rows("x1,x2,label", "0.1,0.2,0", "0.3,0.4,1.5"), "line 3 has the label 1.5, neither a class number (0, 1, 2, …) "
     "nor a class name; for numbers to predict, call the third column value"),
    (rows("x1,x2,label", "0.1,0.2,-1", "0.3,0.4,1"),
     "line 2 has the label -1, a negative number: classes are numbered 0, 1, 2, …"),
    (rows("x1,x2,label", "0.1,0.2,red", "0.3,0.4,1"), "line 2 has the class name 'red' but line 3 has the number 1: "
     "a label column holds either class numbers or class names"),
    (rows("x1,x2,label", "0.1,0.2,", "0.3,0.4,1"), "line 2 has no label"),
    (rows("x1;x2;label", "0,5;0,2;0"), "line 2 has x1 '0,5' with a decimal comma; decimal commas are not read: "
     "write 0.5"),
    (rows("1,5,2,25,0"), "line 1 has 5 columns, 2 more than the 3 expected (x1, x2 and a label or value); decimal "
     "commas are not read: write 1.5, not 1,5"),
    (rows("x1,x2,label", '0.1,0.2,"open', "0.3,0.4,1"), "line 2 opens a quotation mark that is never closed"),
    (rows("x1,x2,label", f"0.1,0.2,{'n' * 41}", "0.3,0.4,b"), "line 2 has the class name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnn"
     "nnnnnnnnnnnn…', longer than 40 characters"),
    (rows("x1,x2,label", "-1e308,1e308,a", "1e308,0,b"), "the coordinates (x1 from -1e+308 to 1e+308, x2 from 0 to "
     "1e+308, lines 2 to 3) are too large to be rescaled into the view"),
])
def test_each_bad_file_is_one_sentence_naming_the_line(text, expected):
    assert refusal(text) == f"Cannot import data.csv: {expected}"


def test_too_many_rows():
    text = "x1,x2,label\n" + "0.1,0.2,0\n0.3,0.4,1\n" * (MAX_POINTS // 2) + "0.5,0.5,1\n"
    assert parse_points(text[: text.rindex("0.5,0.5")], "d.csv").X.shape == (MAX_POINTS, 2)
    assert refusal(text) == (f"Cannot import data.csv: line {MAX_POINTS + 2} holds point 10,001; a file may hold "
                             "at most 10,000 points")


def test_a_label_not_among_the_listed_classes():
    text = rows('# bpviz classes: ["a", "b"]', "x1,x2,label", "0.1,0.2,a", "0.3,0.4,c")
    assert refusal(text) == ("Cannot import data.csv: line 4 has the label 'c', which is not one of the classes "
                             "listed on line 1 (a, b)")


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("x1,x2,label\n0.1,0.2,a\n0.3,0.4,caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataFileError) as info:
        read_points(path)
    assert str(info.value) == (f"Cannot import {path}: line 3 is not UTF-8 text (byte 0xe9 cannot be read); save "
                               "the file as UTF-8")
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("x1,x2,label\n0.1,0.2,a\n", encoding="utf-16")
    with pytest.raises(DataFileError, match="it is UTF-16 text; save it as UTF-8"):
        read_points(utf16)


def test_a_file_that_cannot_be_opened_is_a_file_error(tmp_path):
    with pytest.raises(FileError) as info:
        read_points(tmp_path / "missing.csv")
    assert str(info.value) == f"Cannot open {tmp_path / 'missing.csv'}: the file does not exist"
    with pytest.raises(FileError, match="it is a folder"):
        read_points(tmp_path)


def test_a_bad_file_read_from_disk_names_its_path(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,label\n0.1,0.2,0\n0.3,0.4\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_points(path)
    assert str(info.value) == f"Cannot import {path}: line 3 has 2 columns, expected 3 (x1, x2, label)"
